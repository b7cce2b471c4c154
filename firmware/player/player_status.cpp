#include "player/player_status.hpp"

#include <nlohmann/json.hpp>

#include "content/content_store.hpp"
#include "content/update_status.hpp"
#include "core/read_file.hpp"
#include "runtime/log.hpp"

namespace placard {

void write_player_status(const std::filesystem::path& file, const PlayerStatus& status) {
    if (file.empty()) {
        return;
    }
    nlohmann::ordered_json json;
    json["version"] = status.version;
    json["folder"] = status.folder;
    json["fallback_reason"] = status.fallback_reason;
    json["screen"] = status.screen;
    json["display"] = status.display;
    json["last_frame_at"] = status.last_frame_at;
    json["showing"] = status.showing;
    json["screenshot"] = status.screenshot;
    json["screenshot_at"] = status.screenshot_at;
    json["screenshot_dark"] = status.screenshot_dark;
    json["at"] = now_rfc3339();
    std::error_code error;
    std::filesystem::create_directories(file.parent_path(), error);
    if (auto written = write_file_atomically(
            file,
            json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
        !written) {
        static bool told = false;
        if (!told) {
            log_warning("player status: " + written.error().message);
            told = true;
        }
    }
}

bool read_player_status(const std::filesystem::path& file, PlayerStatus& status) {
    auto text = read_file(file, 64 * 1024);
    if (!text) {
        return false;
    }
    const auto json = nlohmann::json::parse(*text, nullptr, false);
    if (!json.is_object()) {
        return false;
    }
    const auto text_field = [&](const char* key) {
        const auto found = json.find(key);
        return found != json.end() && found->is_string() ? found->get<std::string>()
                                                         : std::string();
    };
    const auto version = json.find("version");
    status.version =
        version != json.end() && version->is_number_integer() ? version->get<std::int64_t>() : -1;
    status.folder = text_field("folder");
    status.fallback_reason = text_field("fallback_reason");
    status.screen = text_field("screen");
    status.display = text_field("display");
    status.last_frame_at = text_field("last_frame_at");
    status.showing = text_field("showing");
    status.screenshot = text_field("screenshot");
    status.screenshot_at = text_field("screenshot_at");
    status.at = text_field("at");
    return true;
}

}  // namespace placard
