#include "text/line_breaker.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/utf8.hpp"

namespace placard {
namespace {

// The text with '|' at every break opportunity (except the end).
std::string show_breaks(const std::string& text) {
    std::string shown;
    std::size_t previous = 0;
    for (const std::size_t at : find_line_breaks(text)) {
        shown += text.substr(previous, at - previous);
        if (at < text.size()) {
            shown += '|';
        }
        previous = at;
    }
    return shown;
}

TEST(LineBreaker, BreaksBetweenHanCharacters) {
    EXPECT_EQ(show_breaks("党支部"), "党|支|部");
}

TEST(LineBreaker, ClosingPunctuationNeverStartsALine) {
    EXPECT_EQ(show_breaks("基础，基础。"), "基|础，|基|础。");
    EXPECT_EQ(show_breaks("是什么?怎么"), "是|什|么?|怎|么");
    EXPECT_EQ(show_breaks("“一”就是"), "“一”|就|是");
    EXPECT_EQ(show_breaks("《报》、"), "《报》、");
}

// ‘ ’ “ ” beside Chinese open and close (UAX #14's East Asian quotation rule): ICU's QU allowed
// no break around them at all (issue 17).
TEST(LineBreaker, ChineseQuotesOpenAndClose) {
    EXPECT_EQ(show_breaks("做到‘学’‘思’‘践’‘悟’相统一"), "做|到|‘学’|‘思’|‘践’|‘悟’|相|统|一");
    EXPECT_EQ(show_breaks("把“三会一课”开出"), "把|“三|会|一|课”|开|出");
    // Between Latin words they stay as they were: no opportunity ICU did not give.
    EXPECT_EQ(show_breaks("say ‘yes’ now"), "say |‘yes’ |now");
}

TEST(LineBreaker, OpeningBracketsNeverEndALine) {
    EXPECT_EQ(show_breaks("读《人民日报》"), "读|《人|民|日|报》");
    EXPECT_EQ(show_breaks("主任(书记)"), "主|任|(书|记)");
}

TEST(LineBreaker, DashesAndEllipsesStayWhole) {
    EXPECT_EQ(show_breaks("好——坏"), "好——|坏");
    EXPECT_EQ(show_breaks("等等……的"), "等|等……|的");
}

TEST(LineBreaker, LatinWordsAndNumbersStayWhole) {
    EXPECT_EQ(show_breaks("用Debian系统"), "用|Debian|系|统");
    EXPECT_EQ(show_breaks("刊号2095-8048"), "刊|号|2095-8048");
}

TEST(LineBreaker, ProhibitionClassesMatchClreq) {
    for (const char32_t c : U"。，、：；！？”’」』）》〉】〗〕］｝") {
        if (c != 0) {
            EXPECT_TRUE(is_prohibited_at_line_start(c)) << static_cast<unsigned>(c);
        }
    }
    for (const char32_t c : U"“‘「『（《〈【〖〔［｛") {
        if (c != 0) {
            EXPECT_TRUE(is_prohibited_at_line_end(c)) << static_cast<unsigned>(c);
        }
    }
    EXPECT_FALSE(is_prohibited_at_line_start(U'党'));
    EXPECT_TRUE(splits_unbreakable_pair(U'—', U'—'));
}

}  // namespace
}  // namespace placard
