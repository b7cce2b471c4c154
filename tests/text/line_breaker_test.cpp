#include "text/line_breaker.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/utf8.hpp"

namespace placard {
namespace {

// The text with '|' at each of `breaks` (except the end).
std::string show(const std::string& text, const std::vector<std::size_t>& breaks) {
    std::string shown;
    std::size_t previous = 0;
    for (const std::size_t at : breaks) {
        shown += text.substr(previous, at - previous);
        if (at < text.size()) {
            shown += '|';
        }
        previous = at;
    }
    return shown + text.substr(previous);
}

// At every break opportunity between words.
std::string show_breaks(const std::string& text) {
    return show(text, find_line_breaks(text));
}

// At every opportunity inside a word (issue 17).
std::string show_breaks_inside_words(const std::string& text) {
    return show(text, find_line_break_opportunities(text).inside_words);
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

// Paths, units, standards' numbers and full-width digits break between words only: inside them
// only a word wider than the line is split (issue 17: /etc/apt/|preferences, km/|h, ２０|１７年).
TEST(LineBreaker, AddressesUnitsAndFullWidthNumbersBreakOnlyInside) {
    EXPECT_EQ(show_breaks("限速60 km/h，按GB/T 15834执行"),
              "限|速|60 |km/h，|按|GB/T |15834|执|行");
    EXPECT_EQ(show_breaks_inside_words("限速60 km/h，按GB/T 15834执行"),
              "限速60 km/|h，按GB/|T 15834执行");
    EXPECT_EQ(show_breaks("２０１７年"), "２０１７|年");
    EXPECT_EQ(show_breaks_inside_words("２０１７年"), "２|０|１|７年");
    EXPECT_EQ(show_breaks("电话０９３１－１２３４"), "电|话|０９３１－１２３４");
    EXPECT_EQ(show_breaks("编号2095-8048-(2019)04"), "编|号|2095-8048-(2019)04");
}

// An address continues after a dot or an at sign before a letter; a version number does not.
TEST(LineBreaker, AnAddressMaySplitAfterItsDots) {
    EXPECT_EQ(show_breaks_inside_words("见www.example.gov.cn"), "见www.|example.|gov.|cn");
    EXPECT_EQ(show_breaks_inside_words("至admin@a.org"), "至admin@|a.|org");
    EXPECT_EQ(show_breaks_inside_words("版本v2.14.0"), "版本v2.14.0");
    EXPECT_EQ(show_breaks("见www.example.gov.cn"), "见|www.example.gov.cn");
}

// ASCII " beside Chinese opens before a word and closes after one (ICU offers no break around
// it at all): 认为"Placard"是 split inside Placard though it fits (review of issue 17).
TEST(LineBreaker, AsciiQuotesAroundAWordInChineseOpenAndClose) {
    EXPECT_EQ(show_breaks("认为\"Placard\"是好"), "认|为|\"Placard\"|是|好");
    EXPECT_EQ(show_breaks("他说\"是\"字"), "他|说\"是\"字");  // Facing unknown: left alone.
}

// A path right after Chinese may start the next line: UAX #14 never breaks before "/".
TEST(LineBreaker, APathAfterChineseMayStartALine) {
    EXPECT_EQ(show_breaks("路径/var/lib写入"), "路|径|/var/lib|写|入");
    EXPECT_EQ(show_breaks("和/或"), "和/|或");
    // A unit is not a path: 元/kg stays whole.
    EXPECT_EQ(show_breaks("每斤30元/kg，"), "每|斤|30|元/kg，");
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
