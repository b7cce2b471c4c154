// Which screens an item is for (issue 16, groups): a banner, an article, a ticker item or an
// urgent notice may name the groups of screens it is meant for —
//
//     "groups": ["乡镇", "县委大楼"]
//
// — and then shows only on a screen of one of them; without "groups" it shows on every screen.
// A screen's group is set in the studio (终端管理) and reaches the screen as a signed command
// (content/screen_command.hpp), so the feed stays one signed document for the whole fleet and a
// screen's group can change without a new version. A screen in no group shows what is for all.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace placard {

struct Feed;

// At most this many groups an item, each a name of at most this many bytes (the studio's bound
// on a screen's group).
inline constexpr std::size_t kMostItemGroups = 16;
inline constexpr std::size_t kMostGroupBytes = 100;

// Reads an item's "groups" into `out`; what is wrong with it when it is not an array of 1 to
// kMostItemGroups non-empty UTF-8 names of at most kMostGroupBytes.
std::optional<std::string> read_groups(const nlohmann::json& value, std::vector<std::string>& out);

// Whether an item for `groups` shows on a screen in `screen_group` ("" for none).
bool aimed_at(const std::vector<std::string>& groups, std::string_view screen_group);

// The feed as a screen in `screen_group` shows it: the banners, articles and ticker items for
// other groups left out, and a banner's link to an article left out cleared (the banner still
// shows; a tap on it opens nothing). Notices stay: which of a notice's versions counts is decided
// among all of them, from every source, before its groups are looked at (an update of a notice
// for every screen to one for some ends it on the others) — PlayerFrame::update_notice_view.
void keep_aimed_at(Feed& feed, std::string_view screen_group);

}  // namespace placard
