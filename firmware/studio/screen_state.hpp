// A screen's state on the studio's fleet page (issue 16), from its latest report, when it came,
// and the version the studio has published — one colour and the reasons behind it:
//
//   green  reporting, rendering, showing the published version, nothing wrong;
//   amber  reporting and rendering, but something needs a look: an older version than the
//          published one, an older version kept because the current one cannot be shown, a
//          refused update, the SoC hot (≥ 80 °C) or throttled, the disk nearly full, the clock
//          not synchronised;
//   red    silent for longer than kSilentReports report intervals (at least kLeastSilence), or
//          reporting but not rendering: the player has not said it is alive for kPlayerSilence;
//   grey   off as scheduled (screen hours), and otherwise well.
//
// Pure: the caller gives the clock.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace placard {

enum class ScreenColour { Green, Amber, Red, Grey };
// "green", "amber", "red", "grey".
std::string screen_colour_name(ScreenColour colour);

struct ScreenState {
    ScreenColour colour = ScreenColour::Red;
    std::vector<std::string> reasons;  // In Chinese, for the page; empty for green and grey.
};

inline constexpr int kSilentReports = 3;
inline constexpr std::int64_t kLeastSilence = 90;
inline constexpr std::int64_t kPlayerSilence = 30;
inline constexpr double kHotCelsius = 80;

// `report` the latest report (null: none since the screen was accepted), `received` when it came
// (unix seconds), `published` the studio's current version (-1: none).
ScreenState screen_state(const nlohmann::json& report, std::int64_t received, std::int64_t now,
                         std::int64_t published);

}  // namespace placard
