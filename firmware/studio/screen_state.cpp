#include "studio/screen_state.hpp"

#include <algorithm>
#include <cmath>

#include "core/json_fields.hpp"
#include "core/wall_time.hpp"

namespace placard {

namespace {

const nlohmann::json& part(const nlohmann::json& report, const char* key) {
    static const nlohmann::json kNone;
    const auto found = report.find(key);
    return found != report.end() && found->is_object() ? *found : kNone;
}

}  // namespace

std::string screen_colour_name(ScreenColour colour) {
    switch (colour) {
        case ScreenColour::Green:
            return "green";
        case ScreenColour::Amber:
            return "amber";
        case ScreenColour::Red:
            return "red";
        case ScreenColour::Grey:
            return "grey";
    }
    return "red";
}

ScreenState screen_state(const nlohmann::json& report, std::int64_t received, std::int64_t now,
                         std::int64_t published) {
    ScreenState state;
    if (!report.is_object()) {
        state.reasons.emplace_back("接入后尚未报告");
        return state;
    }
    const std::int64_t interval =
        std::clamp<std::int64_t>(json_integer(report, "interval", 30), 2, 3600);
    const std::int64_t silence = std::max(kLeastSilence, kSilentReports * interval);
    if (now - received > silence) {
        state.reasons.push_back("已 " + std::to_string((now - received) / 60) + " 分钟没有报告");
        return state;
    }
    // Rendering: the player rewrites its status at least every ten seconds; its time is judged
    // against the report's own clock, so a screen whose clock is off is not called dead for it.
    const nlohmann::json& player = part(report, "player");
    const auto sent = parse_rfc3339(json_text(report, "sent"));
    const auto alive = parse_rfc3339(json_text(player, "at"));
    if (!alive || !sent || sent->unix_seconds - alive->unix_seconds > kPlayerSilence) {
        state.reasons.emplace_back(alive ? "播放程序没有在显示（已停止或卡住）"
                                         : "播放程序没有运行");
        return state;
    }
    const bool off_as_scheduled = json_text(player, "screen").starts_with("off");
    const std::int64_t shown = json_integer(player, "version", -1);
    if (published >= 0 && shown >= 0 && shown < published) {
        state.reasons.push_back("显示版本 " + std::to_string(shown) + "，最新为 " +
                                std::to_string(published));
    }
    if (!json_text(player, "fallback_reason").empty()) {
        state.reasons.push_back("当前版本无法显示，改显示旧版本：" +
                                json_text(player, "fallback_reason"));
    }
    const nlohmann::json& content = part(report, "content");
    if (!json_text(content, "last_error").empty()) {
        state.reasons.push_back("更新被拒绝：" + json_text(content, "last_error"));
    }
    const nlohmann::json& system = part(report, "system");
    if (system.contains("soc_celsius") && system["soc_celsius"].is_number() &&
        system["soc_celsius"].get<double>() >= kHotCelsius) {
        state.reasons.push_back(
            "处理器温度 " +
            std::to_string(std::lround(std::min(system["soc_celsius"].get<double>(), 1000.0))) +
            " °C");
    }
    if (const std::string throttled = json_text(system, "throttled");
        throttled.find("now") != std::string::npos) {
        state.reasons.push_back("供电或温度限频：" + throttled);
    }
    const std::int64_t free = json_integer(system, "free_bytes", -1);
    const std::int64_t total = json_integer(system, "total_bytes", -1);
    if (free >= 0 && total > 0 &&
        (free < 100LL * 1024 * 1024 ||
         static_cast<double>(free) * 20 < static_cast<double>(total))) {
        state.reasons.push_back("存储空间不足（剩余 " + std::to_string(free / (1024 * 1024)) +
                                " MB）");
    }
    if (system.contains("clock_synchronised") && system["clock_synchronised"].is_boolean() &&
        !system["clock_synchronised"].get<bool>()) {
        state.reasons.emplace_back("时钟未同步");
    }
    if (!state.reasons.empty()) {
        state.colour = ScreenColour::Amber;
    } else {
        state.colour = off_as_scheduled ? ScreenColour::Grey : ScreenColour::Green;
    }
    return state;
}

}  // namespace placard
