// The real fonts the text tests use (fonts/fallback.conf's default chain: Noto Sans CJK SC,
// then DejaVu Sans), opened once per test program. Without them the program stops, saying why.
#pragma once

#include <cstdio>
#include <cstdlib>

#include "text/font_library.hpp"

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

}  // namespace placard::testing
