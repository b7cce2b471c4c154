// The real fonts the text tests use (fonts/fallback.conf's default chain: Noto Sans CJK SC,
// then DejaVu Sans), opened once per test program. Without them the program stops, saying why.
#pragma once

#include <cstdio>
#include <cstdlib>

#include "text/font_library.hpp"
#include "text/shaped_paragraph.hpp"

namespace placard::testing {

inline FontLibrary& test_fonts() {
    static std::unique_ptr<FontLibrary> fonts = [] {
        auto created = FontLibrary::create();
        if (!created) {
            std::fprintf(stderr, "test fonts: %s\n", created.error().message.c_str());
            std::abort();
        }
        return std::move(created.value());
    }();
    return *fonts;
}

// The body chain at `pixel_size`.
inline const FontChain& body_fonts(int pixel_size = 28) {
    return **test_fonts().chain(FontRole::Body, pixel_size);
}

// The bold chain at `pixel_size` (the header's clock, titles).
inline const FontChain& bold_fonts(int pixel_size = 28) {
    return **test_fonts().chain(FontRole::Bold, pixel_size);
}

// `text` shaped as Simplified Chinese body text at `pixel_size` (28 px: 1 em = 28).
inline ShapedParagraph shaped_body(std::string_view text, int pixel_size = 28) {
    return shape_paragraph(body_fonts(pixel_size), text, "zh-Hans");
}

}  // namespace placard::testing
