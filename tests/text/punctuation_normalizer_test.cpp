#include "text/punctuation_normalizer.hpp"

#include <gtest/gtest.h>

namespace placard {
namespace {

TEST(PunctuationNormalizer, TurnsAsciiMarksBetweenChineseIntoFullWidth) {
    EXPECT_EQ(normalize_ascii_punctuation("党支部的职能是什么?党支部工作怎么做?"),
              "党支部的职能是什么？党支部工作怎么做？");
    EXPECT_EQ(normalize_ascii_punctuation("不是花样创新, 而是;还有:好!"),
              "不是花样创新，而是；还有：好！");
    EXPECT_EQ(normalize_ascii_punctuation("落在深处。(福建省人民检察院副检察长)"),
              "落在深处。（福建省人民检察院副检察长）");
}

TEST(PunctuationNormalizer, KeepsLatinRunsNumbersAndUrls) {
    EXPECT_EQ(normalize_ascii_punctuation("共3,000人, 12:30开会"), "共3,000人，12:30开会");
    EXPECT_EQ(normalize_ascii_punctuation("见https://example.org/a?b=1"),
              "见https://example.org/a?b=1");
    EXPECT_EQ(normalize_ascii_punctuation("使用Debian (bookworm)系统"),
              "使用Debian (bookworm)系统");
    EXPECT_EQ(normalize_ascii_punctuation("Hello, world!"), "Hello, world!");
    // A Latin word or a number ending a clause of a Chinese sentence (issue 17).
    EXPECT_EQ(normalize_ascii_punctuation("使用Linux,而不是Windows"), "使用Linux，而不是Windows");
    EXPECT_EQ(normalize_ascii_punctuation("截至2019,全国"), "截至2019，全国");
    EXPECT_EQ(normalize_ascii_punctuation("版本v1.0, 以及"), "版本v1.0，以及");
    EXPECT_EQ(normalize_ascii_punctuation("地址:http://a.cn/x?y=1"), "地址：http://a.cn/x?y=1");
    // A foreign quotation keeps its own punctuation; so does an address before Chinese.
    EXPECT_EQ(normalize_ascii_punctuation("他说“Thank you!”然后"), "他说“Thank you!”然后");
    EXPECT_EQ(normalize_ascii_punctuation("《Who Moved My Cheese?》"), "《Who Moved My Cheese?》");
    EXPECT_EQ(normalize_ascii_punctuation("（英文:Yes!）"), "（英文：Yes!）");
    EXPECT_EQ(normalize_ascii_punctuation("访问https://a.cn/s?中文"), "访问https://a.cn/s?中文");
}

}  // namespace
}  // namespace placard
