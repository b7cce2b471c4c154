#include "importers/plain_text_article.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace placard {
namespace {

std::string read_seed() {
    std::ifstream in(PLACARD_SOURCE_DIR "/assets/demo/source/seed-page.txt");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(PlainTextArticle, ExtractsEveryFieldOfTheSeedPage) {
    const auto article = import_plain_text_article(read_seed(), "seed-page.txt");
    ASSERT_TRUE(article) << article.error().message;
    EXPECT_EQ(article->title, "持之以恒建强机关党支部");
    EXPECT_EQ(article->channel, "组工文萃");  // From the breadcrumb, when no --channel is given.
    EXPECT_EQ(article->author, "吴金喜");
    EXPECT_EQ(article->source, "中国组织人事报");
    EXPECT_EQ(article->published, "2017-07-25");
    ASSERT_EQ(article->highlights.size(), 2u);
    EXPECT_TRUE(article->highlights[0].starts_with("要通过党支部规范化建设"));
    EXPECT_TRUE(article->highlights[1].ends_with("凝聚力和感染力"));
    ASSERT_EQ(article->body.size(), 6u);
    EXPECT_TRUE(article->body[0].starts_with("党支部是党的组织基础"));
    EXPECT_TRUE(article->body[1].starts_with("重在规范。"));
    EXPECT_TRUE(article->body[5].starts_with("落在实效。"));
    // The closing note is split off the last paragraph, with full-width parentheses.
    EXPECT_TRUE(article->body[5].ends_with("落在实处、抓在深处。"));
    EXPECT_EQ(article->note, "（福建省人民检察院副检察长、政治部主任、机关党委书记）");
    // Nothing of the page's navigation or footer leaks into the article.
    for (const auto& paragraph : article->body) {
        EXPECT_EQ(paragraph.find("版权所有"), std::string::npos);
        EXPECT_EQ(paragraph.find("上篇"), std::string::npos);
        EXPECT_EQ(paragraph.find("首页轮换图"), std::string::npos);
    }
}

TEST(PlainTextArticle, TakesIdsFromTheOptions) {
    const auto article =
        import_plain_text_article(read_seed(), "seed-page.txt", ImportOptions{"a1", "zgwc"});
    ASSERT_TRUE(article);
    EXPECT_EQ(article->id, "a1");
    EXPECT_EQ(article->channel, "zgwc");
}

TEST(PlainTextArticle, ReadsFullWidthColonsAndNoBreadcrumb) {
    const auto article =
        import_plain_text_article("标题\n来源：某报　作者：张三　时间：2020-1-2\n正文第一段。\n",
                                  "a.txt", ImportOptions{"", "news"});
    ASSERT_TRUE(article) << article.error().message;
    EXPECT_EQ(article->title, "标题");
    EXPECT_EQ(article->source, "某报");
    EXPECT_EQ(article->author, "张三");
    EXPECT_EQ(article->published, "2020-01-02");
    ASSERT_EQ(article->body.size(), 1u);
    EXPECT_FALSE(article->id.empty());
}

TEST(PlainTextArticle, RefusesTextWithoutABody) {
    const auto article = import_plain_text_article("您当前的位置: 首页 > 新闻\n\n标题\n", "x.txt");
    ASSERT_FALSE(article);
    EXPECT_EQ(article.error().message, "x.txt: no body paragraphs after the title \"标题\"");
}

TEST(PlainTextArticle, RefusesAnImpossibleDate) {
    const auto article =
        import_plain_text_article("标题\n来源: 作者: 时间:2017-2-30\n正文。\n", "x.txt");
    ASSERT_FALSE(article);
    EXPECT_EQ(article.error().message, "x.txt:2: \"2017-2-30\" is not a date like 2017-7-25");
}

TEST(PlainTextArticle, JsonRoundTripsThroughTheFeedFields) {
    Article article;
    article.id = "a1";
    article.channel = "zgwc";
    article.title = "标题";
    article.body = {"一。", "二。"};
    const std::string json = article_to_json(article);
    EXPECT_NE(json.find("\"title\": \"标题\""), std::string::npos);  // UTF-8, not \u escapes.
    EXPECT_EQ(json.find("author"), std::string::npos);               // Empty fields are left out.
}

}  // namespace
}  // namespace placard
