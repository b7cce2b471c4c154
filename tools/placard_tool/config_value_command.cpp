// placard-tool config-value KEY [--config FILE]: the value of one key as the device reads its
// configuration — the one parser (core/player_config), so that scripts such as the USB import
// never read placard.conf their own way (a trailing "# comment" is not part of a path).
#include <cstdio>
#include <string>

#include "commands.hpp"
#include "runtime/device_config.hpp"
#include "runtime/log.hpp"

namespace placard::tool {

int config_value_command(const Arguments& arguments) {
    constexpr const char* kUsage = "config-value: usage: config-value KEY [--config FILE]";
    std::string key, path;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == "--config" && i + 1 < arguments.size()) {
            path = arguments[++i];
        } else if (key.empty() && !arguments[i].starts_with("--")) {
            key = arguments[i];
        } else {
            log_error(kUsage);
            return 2;
        }
    }
    if (key.empty()) {
        log_error(kUsage);
        return 2;
    }
    auto config = load_device_config(path);
    if (!config) {
        log_error(config.error().message);
        return 1;
    }
    std::string value;
    if (key == "inbox") {
        value = config->inbox_dir;
    } else if (key == "store") {
        value = config->store_dir;
    } else if (key == "max_bundle_bytes") {
        value = std::to_string(config->max_bundle_bytes);
    } else if (key == "feed_url") {
        value = config->feed_url;
    } else if (key == "upload_listen") {
        value = config->upload_listen;
    } else if (key == "site") {
        value = config->site;
    } else if (key == "play_log") {
        value = config->play_log;
    } else {
        log_error("config-value: \"" + key +
                  "\" is not one of inbox, store, max_bundle_bytes, feed_url, upload_listen, site, "
                  "play_log");
        return 2;
    }
    std::printf("%s\n", value.c_str());
    return 0;
}

}  // namespace placard::tool
