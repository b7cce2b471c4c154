// Reads the device configuration: the file given with --config, else /etc/placard/placard.conf
// when it exists, else the defaults (no network feed). Keys: docs/configuration.md.
#pragma once

#include <string>

#include "core/player_config.hpp"
#include "core/result.hpp"

namespace placard {

inline constexpr const char* kDefaultConfigPath = "/etc/placard/placard.conf";

// `path` empty: the default location, which may be absent.
Result<PlayerConfig> load_device_config(const std::string& path);

}  // namespace placard
