#include "runtime/font_setup.hpp"

#include <cstdlib>

#include "core/read_file.hpp"
#include "runtime/install_paths.hpp"
#include "runtime/log.hpp"

namespace placard {

std::string font_config_path() {
    if (const char* chosen = std::getenv("PLACARD_FONTS_CONF"); chosen && *chosen) {
        return chosen;
    }
    return default_font_config_path();
}

Result<std::unique_ptr<FontLibrary>> open_configured_fonts() {
    FontConfig config = default_font_config();
    if (const std::string path = font_config_path(); !path.empty()) {
        const std::string text = PLACARD_TRY(read_file(path, 64 * 1024));
        config = PLACARD_TRY(parse_font_config(text, path));
    }
    auto fonts = FontLibrary::create(config);
    if (fonts) {
        for (const std::string& warning : (*fonts)->warnings()) {
            log_warning(warning);
        }
    }
    return fonts;
}

}  // namespace placard
