// Where the zones of the attract screen go: header, banner rotator, the side banner slot (the
// seed page's 475×110 and 355×110 pair), article excerpt carousel, ticker and footer. A layout
// file gives each zone as [x, y, width, height] in fractions of the screen, so one file serves
// every resolution of its orientation (assets/layouts/landscape.json, portrait.json); a bundle
// may bring its own layout.json.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace placard {

struct ZoneFraction {
    double x = 0, y = 0, width = 0, height = 0;
};

struct ScreenLayout {
    ZoneFraction header, banner, side, excerpt, ticker, footer;
};

// `origin` names the file in messages ("layout.json: zones.ticker: ...").
Result<ScreenLayout> parse_screen_layout(std::string_view json_text, std::string_view origin);

// The six zones of a "zones" object, as layout.json and the feed's scheduled layouts give them,
// into `out`; or the first problem, naming its path from `path` on ("zones.ticker",
// "layouts[0].zones.ticker") and what is wrong.
struct ZoneProblem {
    std::string path, what;
};
std::optional<ZoneProblem> read_layout_zones(const nlohmann::json& zones, const std::string& path,
                                             ScreenLayout& out);

}  // namespace placard
