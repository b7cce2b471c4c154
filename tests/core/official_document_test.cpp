// 公文 lines (GB/T 9704-2012) in an article's body: the salutation set flush left, the
// signature and date flush right; prose that only looks alike stays prose.
#include "core/official_document.hpp"

#include <gtest/gtest.h>

namespace placard {
namespace {

using Role = BodyLineRole;

TEST(OfficialDocument, ANoticeHasItsSalutationSignatureAndDate) {
    const std::vector<std::string> notice = {
        "各基层党组织：",
        "为深入学习贯彻党的二十大精神，经研究，决定开展专题学习。现将有关事项通知如下。",
        "请各单位认真组织实施。", "中共通渭县委组织部", "2026年11月24日"};
    EXPECT_EQ(body_line_roles(notice),
              (std::vector<Role>{Role::Salutation, Role::Prose, Role::Prose, Role::Signature,
                                 Role::Date}));
}

TEST(OfficialDocument, DatesInChineseOrFullWidthDigitsAndTwoSignatureLines) {
    EXPECT_EQ(body_line_roles({"各乡镇党委、县直各单位：", "正文。", "中共通渭县委组织部",
                               "通渭县人力资源和社会保障局", "二〇二六年十一月二十四日"}),
              (std::vector<Role>{Role::Salutation, Role::Prose, Role::Signature, Role::Signature,
                                 Role::Date}));
    EXPECT_EQ(body_line_roles({"各基层党组织：", "正文。", "２０２６年１１月２４日"}),
              (std::vector<Role>{Role::Salutation, Role::Prose, Role::Date}));
}

// A news article is no 公文: a lead ending in a colon, a photo caption before a closing date.
TEST(OfficialDocument, ANewsArticleKeepsItsLines) {
    for (const char* lead : {"会议强调，要重点抓好以下三项工作：", "编者按：", "全文如下："}) {
        EXPECT_EQ(body_line_roles({lead, "正文。"})[0], Role::Prose) << lead;
    }
    EXPECT_EQ(body_line_roles({"正文。", "图为会议现场", "2026年11月24日"}),
              (std::vector<Role>{Role::Prose, Role::Prose, Role::Prose}));
}

TEST(OfficialDocument, ProseThatOnlyLooksAlikeStaysProse) {
    // A first paragraph that ends in a colon but says a sentence first; a long one.
    EXPECT_EQ(body_line_roles({"会议指出。要求如下：", "正文。"}),
              (std::vector<Role>{Role::Prose, Role::Prose}));
    EXPECT_EQ(body_line_roles({std::string(41 * 3, 'x') + "：", "正文。"})[0], Role::Prose);
    // A last paragraph with a date in a sentence; a line before a date that ends in 。.
    EXPECT_EQ(body_line_roles({"正文。", "会议于2026年11月24日召开。"}),
              (std::vector<Role>{Role::Prose, Role::Prose}));
    EXPECT_EQ(body_line_roles({"各基层党组织：", "特此通知。", "2026年11月24日"}),
              (std::vector<Role>{Role::Salutation, Role::Prose, Role::Date}));
    // A lone paragraph is prose, whatever it says.
    EXPECT_EQ(body_line_roles({"各基层党组织："}), (std::vector<Role>{Role::Prose}));
    EXPECT_TRUE(body_line_roles({}).empty());
}

}  // namespace
}  // namespace placard
