// Opens the fonts the configuration asks for. The configuration is the first of:
// $PLACARD_FONTS_CONF, the installed /usr/share/placard/fonts/fallback.conf, the source tree's
// fonts/fallback.conf; without any, the built-in chain (Noto Sans CJK SC, DejaVu Sans).
// Families left out of a chain are logged as warnings.
#pragma once

#include <memory>
#include <string>

#include "core/result.hpp"
#include "text/font_library.hpp"

namespace placard {

std::string font_config_path();
Result<std::unique_ptr<FontLibrary>> open_configured_fonts();

}  // namespace placard
