#include "core/player_config.hpp"

#include <cmath>
#include <cstdlib>

#include "core/settings_file.hpp"

namespace placard {
namespace {

bool read_seconds(std::string_view text, double minimum, double maximum, double& out) {
    const std::string copy(text);
    char* end = nullptr;
    const double value = std::strtod(copy.c_str(), &end);
    if (copy.empty() || end != copy.c_str() + copy.size() || !std::isfinite(value) ||
        value < minimum || value > maximum) {
        return false;
    }
    out = value;
    return true;
}

bool read_bytes(std::string_view text, std::size_t& out) {
    const std::string copy(text);
    if (copy.empty() || copy.find_first_not_of("0123456789") != std::string::npos ||
        copy.size() > 12) {
        return false;
    }
    out = static_cast<std::size_t>(std::strtoull(copy.c_str(), nullptr, 10));
    return out > 0;
}

}  // namespace

Result<PlayerConfig> parse_player_config(std::string_view text, std::string_view origin) {
    PlayerConfig config;
    const Status read = for_each_setting(
        text, origin, "KEY = VALUE",
        [&](std::string_view key_text, std::string_view value, const std::string& where) -> Status {
            const std::string key(key_text);
            bool good = true;
            if (key == "feed_url") {
                config.feed_url = std::string(value);
                good = value.starts_with("http://") || value.starts_with("https://");
            } else if (key == "poll_interval") {
                good = read_seconds(value, 5, 86400, config.poll_interval_s);
            } else if (key == "connect_timeout") {
                good = read_seconds(value, 1, 600, config.connect_timeout_s);
            } else if (key == "total_timeout") {
                good = read_seconds(value, 1, 3600, config.total_timeout_s);
            } else if (key == "screen_width_mm") {
                good = read_seconds(value, 20, 10000, config.screen_width_mm);
            } else if (key == "rotate") {
                good = value == "0" || value == "90" || value == "180" || value == "270";
                config.rotation = good ? std::atoi(std::string(value).c_str()) : 0;
            } else if (key == "idle_timeout") {
                good = read_seconds(value, 5, 86400, config.idle_timeout_s);
            } else if (key == "notice_seconds") {
                good = read_seconds(value, 1, 3600, config.notice_s);
            } else if (key == "notice_max_minutes") {
                good = read_seconds(value, 1, 31 * 24 * 60, config.notice_max_s);
                config.notice_max_s *= 60;
            } else if (key == "max_backoff") {
                good = read_seconds(value, 5, 86400, config.max_backoff_s);
            } else if (key == "max_feed_bytes") {
                good = read_bytes(value, config.max_feed_bytes);
            } else if (key == "max_media_bytes") {
                good = read_bytes(value, config.max_media_bytes);
            } else if (key == "trusted_key") {
                config.trusted_keys.emplace_back(value);
                good = value.size() == 64 &&
                       value.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos;
            } else if (key == "allow_unsigned") {
                good = value == "true" || value == "false";
                config.allow_unsigned = value == "true";
            } else if (key == "site") {
                config.site = std::string(value);
                good = !value.empty();
            } else if (key == "max_bundle_bytes") {
                good = read_bytes(value, config.max_bundle_bytes);
            } else if (key == "inbox") {
                config.inbox_dir = std::string(value);
                good = value.starts_with("/");
            } else if (key == "upload_token") {
                config.upload_token = std::string(value);
                good = value.size() >= 16;
            } else if (key == "upload_listen") {
                config.upload_listen = std::string(value);
                good = value.find(':') != std::string_view::npos;
            } else if (key == "player_status") {
                config.player_status = std::string(value);
            } else if (key == "play_log") {
                config.play_log = std::string(value);
                good = value.starts_with("/");
            } else if (key == "studio_url") {
                config.studio_url = std::string(value);
                good = value.starts_with("http://") || value.starts_with("https://");
            } else if (key == "mqtt_url") {
                config.mqtt_url = std::string(value);
                good = value.starts_with("mqtt://") || value.starts_with("mqtts://");
            } else if (key == "screen_name") {
                config.screen_name = std::string(value);
                good = !value.empty() && value.size() <= 100;
            } else if (key == "report_interval") {
                good = read_seconds(value, 2, 3600, config.report_interval_s);
            } else if (key == "screen_key") {
                config.screen_key = std::string(value);
                good = value.starts_with("/");
            } else if (key == "store") {
                config.store_dir = std::string(value);
                good = value.starts_with("/");
            } else {
                return make_error(where + "unknown key \"" + key + "\"");
            }
            if (!good) {
                return make_error(where + key + ": \"" + std::string(value) +
                                  "\" is not valid (see docs/configuration.md)");
            }
            return Done{};
        });
    if (!read) {
        return read.error();
    }
    return config;
}

}  // namespace placard
