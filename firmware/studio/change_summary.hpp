// What changed between two versions of a feed, in lines an admin reads in the history:
// "新增文章《…》", "修改文章《…》", "删除横幅《…》" (a title, caption or text, else the id),
// "滚动字幕有改动". Items with an "id" (articles, banners, channels, notices, layouts) are matched
// by it; other parts are compared whole. The version number and "generated" time are not
// changes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace placard {

std::vector<std::string> describe_changes(std::string_view old_feed, std::string_view new_feed);

}  // namespace placard
