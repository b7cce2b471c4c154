// libFuzzer target for input scripts (`placard --input-script FILE`, recorded touches replayed):
// any bytes in; out, events with finite numbers whose times never go backwards, or a refusal
// naming the script and line. Never a crash.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/input_script.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using placard::InputEvent;
    using placard::fuzz::require;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto events = placard::parse_input_script(text, "touch.txt");
    if (!events) {
        placard::fuzz::require_message(events.error().message, "touch.txt:");
        return 0;
    }
    double previous = 0;
    for (const InputEvent& event : *events) {
        require(std::isfinite(event.at_s) && event.at_s >= previous,
                "event times are finite, not negative and never go backwards");
        previous = event.at_s;
        require(std::isfinite(event.x0) && std::isfinite(event.y0) && std::isfinite(event.x1) &&
                    std::isfinite(event.y1) && std::isfinite(event.duration_s),
                "event numbers are finite");
        if (event.action == InputEvent::Action::Tap) {
            require(event.x1 == event.x0 && event.y1 == event.y0 && event.duration_s == 0,
                    "a tap ends where it starts, at once");
        } else {
            require(event.action == InputEvent::Action::Swipe ||
                        event.action == InputEvent::Action::Drag,
                    "an event is a tap, a swipe or a drag");
            require(event.duration_s > 0, "a swipe or drag lasts a positive time");
        }
    }
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    require(events->size() <= lines, "at most one event per line");
    return 0;
}
