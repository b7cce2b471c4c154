// The font fallback configuration (fonts/fallback.conf): for each role, the families to try in
// order. Parsing is separate from looking the families up, so that it can be tested alone.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace placard {

struct FontFamilyChoice {
    std::string family;
    bool bold = false;
};

struct FontConfig {
    std::vector<FontFamilyChoice> body;
    std::vector<FontFamilyChoice> bold;
};

// `origin` names the file in messages ("fallback.conf:7: ...").
Result<FontConfig> parse_font_config(std::string_view text, std::string_view origin);

// The chain used when no configuration file is found: Noto Sans CJK SC, then DejaVu Sans.
FontConfig default_font_config();

}  // namespace placard
