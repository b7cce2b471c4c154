// libFuzzer target for the configuration file (/etc/placard/placard.conf, or --config FILE):
// the KEY = VALUE reader on its own, then the player configuration built from it. Any bytes in;
// out, settings that are trimmed single-line text without comments and a configuration whose
// every value is in its documented range (docs/configuration.md), or a refusal naming file and
// line. Never a crash.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/player_config.hpp"
#include "core/settings_file.hpp"
#include "fuzz_check.hpp"

namespace {

using placard::fuzz::require;

bool trimmed_line(std::string_view text) {
    const auto blank = [](char c) { return c == ' ' || c == '\t'; };
    return text.find('\n') == std::string_view::npos && text.find('#') == std::string_view::npos &&
           (text.empty() || (!blank(text.front()) && !blank(text.back()) && text.back() != '\r'));
}

bool in_range(double value, double minimum, double maximum) {
    return std::isfinite(value) && value >= minimum && value <= maximum;
}

bool absolute_or_empty(const std::string& path) {
    return path.empty() || path.starts_with('/');
}

void check_settings(std::string_view text) {
    std::size_t taken = 0;
    std::string last_where;
    const placard::Status read = placard::for_each_setting(
        text, "settings.conf", "KEY = VALUE",
        [&](std::string_view key, std::string_view value,
            const std::string& where) -> placard::Status {
            require(trimmed_line(key) && trimmed_line(value),
                    "a setting's key and value are trimmed, one line, without comment");
            require(where.starts_with("settings.conf:") && where.ends_with(": "),
                    "`where` is ORIGIN:LINE: ");
            last_where = where;
            ++taken;
            // The callback's refusal is what for_each_setting returns, as it is.
            if (key == "stop") {
                return placard::make_error(where + "stopped");
            }
            return placard::Done{};
        });
    if (!read) {
        placard::fuzz::require_message(read.error().message, "settings.conf:");
        if (read.error().message.ends_with("stopped")) {
            require(read.error().message == last_where + "stopped",
                    "the callback's error comes back unchanged");
        }
    }
    require(taken <= text.size(), "no more settings than bytes");
}

void check_player_config(std::string_view text) {
    const auto config = placard::parse_player_config(text, "placard.conf");
    if (!config) {
        placard::fuzz::require_message(config.error().message, "placard.conf:");
        return;
    }
    require(config->feed_url.empty() || config->feed_url.starts_with("http://") ||
                config->feed_url.starts_with("https://"),
            "feed_url is http(s) or none");
    require(in_range(config->poll_interval_s, 5, 86400), "poll_interval in 5..86400");
    require(in_range(config->connect_timeout_s, 1, 600), "connect_timeout in 1..600");
    require(in_range(config->total_timeout_s, 1, 3600), "total_timeout in 1..3600");
    require(in_range(config->max_backoff_s, 5, 86400), "max_backoff in 5..86400");
    require(in_range(config->idle_timeout_s, 5, 86400), "idle_timeout in 5..86400");
    require(in_range(config->screen_width_mm, 20, 10000), "screen_width_mm in 20..10000");
    require(config->rotation == 0 || config->rotation == 90 || config->rotation == 180 ||
                config->rotation == 270,
            "rotate is 0, 90, 180 or 270");
    require(
        config->max_feed_bytes > 0 && config->max_media_bytes > 0 && config->max_bundle_bytes > 0,
        "byte limits are positive");
    for (const auto& key : config->trusted_keys) {
        require(key.size() == 64 &&
                    key.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos,
                "a trusted key is 64 hex digits");
    }
    require(absolute_or_empty(config->inbox_dir), "inbox is an absolute path or none");
    require(absolute_or_empty(config->store_dir) && !config->store_dir.empty(),
            "store is an absolute path");
    require(config->upload_token.empty() || config->upload_token.size() >= 16,
            "upload_token has 16+ characters or is none");
    require(config->upload_listen.find(':') != std::string::npos, "upload_listen is HOST:PORT");
    for (const auto* value : {&config->feed_url, &config->site, &config->inbox_dir,
                              &config->store_dir, &config->upload_token, &config->upload_listen}) {
        require(trimmed_line(*value), "a configured value is trimmed, one line, no comment");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check_settings(text);
    check_player_config(text);
    return 0;
}
