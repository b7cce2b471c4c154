// Input scripts: recorded touches that replay deterministically (ARCHITECTURE.md, "Input script").
//
//     2.0  tap    960 540
//     4.0  swipe  1600 300 200 300 0.25      # x0 y0 x1 y1 duration_s
//     6.0  drag   960 800 960 300 0.8
//
// One event per line, `SECONDS ACTION ARGS`; '#' starts a comment; times never go backwards.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace placard {

struct InputEvent {
    enum class Action { Tap, Swipe, Drag };
    double at_s = 0;
    Action action = Action::Tap;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double duration_s = 0;
};

// `origin` names the script in messages ("touch.txt:3: ...").
Result<std::vector<InputEvent>> parse_input_script(std::string_view text, std::string_view origin);

}  // namespace placard
