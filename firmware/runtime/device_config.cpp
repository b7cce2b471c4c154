#include "runtime/device_config.hpp"

#include <filesystem>

#include "core/read_file.hpp"

namespace placard {

Result<PlayerConfig> load_device_config(const std::string& path) {
    std::string chosen = path;
    if (chosen.empty()) {
        std::error_code error;
        if (!std::filesystem::exists(kDefaultConfigPath, error)) {
            return PlayerConfig{};
        }
        chosen = kDefaultConfigPath;
    }
    const std::string text = PLACARD_TRY(read_file(chosen, 64 * 1024));
    return parse_player_config(text, chosen);
}

}  // namespace placard
