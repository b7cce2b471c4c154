// Imports an article written in the seed page's plain-text form (what a CMS page looks like when
// copied as text): a breadcrumb "您当前的位置: 首页 > 组工文萃 > 组工文萃", the title, a meta line
// "来源: 作者: 阅读: 时间:2017-7-25", the author on a line of its own, ● highlights, body
// paragraphs (the last may end in a parenthesised note), "来源:中国组织人事报", then 上篇/下篇 and
// the page footer.
#pragma once

#include <string>
#include <string_view>

#include "core/content_model.hpp"
#include "core/result.hpp"

namespace placard {

struct ImportOptions {
    std::string article_id;  // Empty: derived from the title.
    std::string channel_id;  // Empty: the channel title from the breadcrumb.
};

// `origin` names the input in error messages ("seed.txt:12: ...").
Result<Article> import_plain_text_article(std::string_view text, std::string_view origin,
                                          const ImportOptions& options = {});

// The article as a feed v1 "articles[]" object, pretty-printed, UTF-8 unescaped.
std::string article_to_json(const Article& article);

}  // namespace placard
