#include "core/utf8.hpp"

#include <gtest/gtest.h>

namespace placard {
namespace {

TEST(Utf8, MessagesKeepChineseAndEscapeControlCharacters) {
    EXPECT_EQ(utf8::escape_for_message("组工文萃 news.placard"), "组工文萃 news.placard");
    EXPECT_EQ(utf8::escape_for_message("a\nb\x1b[2Jc"), "a\\x0ab\\x1b[2Jc");
    EXPECT_EQ(utf8::escape_for_message("\xff"
                                       "x"),
              "\\xffx");
    EXPECT_EQ(utf8::escape_for_message("a\xc2\x85"
                                       "b"),
              "a\\u{0085}b");  // NEL
    EXPECT_EQ(utf8::escape_for_message("a\xe2\x80\xa8"
                                       "b"),
              "a\\u{2028}b");  // LINE SEPARATOR
    // Escaping twice changes nothing more.
    EXPECT_EQ(utf8::escape_for_message(utf8::escape_for_message("a\x1b")), "a\\x1b");
}

TEST(Utf8, ValidityFollowsRfc3629) {
    EXPECT_TRUE(utf8::is_valid("中文"));
    EXPECT_FALSE(utf8::is_valid("\xc0\xaf"));          // Overlong '/'.
    EXPECT_FALSE(utf8::is_valid("\xed\xa0\x80"));      // A surrogate.
    EXPECT_FALSE(utf8::is_valid("\xf4\x90\x80\x80"));  // Above U+10FFFF.
    EXPECT_EQ(utf8::make_valid("a\xffz"), "a\xef\xbf\xbdz");
}

}  // namespace
}  // namespace placard
