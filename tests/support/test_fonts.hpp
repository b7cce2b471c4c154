// The real fonts the text tests use (Noto Sans CJK SC from fonts-noto-cjk), opened once per
// test program. A missing font fails the test that asks, with the reason.
#pragma once

#include <gtest/gtest.h>

#include "text/font_library.hpp"

namespace placard::testing {

inline FontLibrary& test_fonts() {
    static std::unique_ptr<FontLibrary> fonts = [] {
        auto created = FontLibrary::create();
        if (!created) {
            ADD_FAILURE() << created.error().message;
            std::abort();
        }
        return std::move(created.value());
    }();
    return *fonts;
}

}  // namespace placard::testing
