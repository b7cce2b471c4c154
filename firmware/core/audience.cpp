#include "core/audience.hpp"

#include <algorithm>

#include "core/content_model.hpp"
#include "core/utf8.hpp"

namespace placard {

std::optional<std::string> read_groups(const nlohmann::json& value, std::vector<std::string>& out) {
    if (!value.is_array() || value.empty()) {
        return std::string("expected an array of group names (leave it out for every screen)");
    }
    if (value.size() > kMostItemGroups) {
        return "more than " + std::to_string(kMostItemGroups) + " groups";
    }
    std::vector<std::string> groups;
    for (const auto& name : value) {
        if (!name.is_string() || name.get_ref<const std::string&>().empty()) {
            return std::string("expected group names (non-empty strings)");
        }
        const auto& text = name.get_ref<const std::string&>();
        if (text.size() > kMostGroupBytes || !utf8::is_valid(text)) {
            return "\"" + utf8::make_valid(text.substr(0, 40)) +
                   "\" is not a group name of UTF-8 " + "of at most " +
                   std::to_string(kMostGroupBytes) + " bytes";
        }
        groups.push_back(text);
    }
    out = std::move(groups);
    return std::nullopt;
}

bool aimed_at(const std::vector<std::string>& groups, std::string_view screen_group) {
    return groups.empty() || (!screen_group.empty() && std::find(groups.begin(), groups.end(),
                                                                 screen_group) != groups.end());
}

void keep_aimed_at(Feed& feed, std::string_view screen_group) {
    const auto not_for_this_screen = [&](const auto& item) {
        return !aimed_at(item.groups, screen_group);
    };
    std::erase_if(feed.banners, not_for_this_screen);
    std::erase_if(feed.articles, not_for_this_screen);
    std::erase_if(feed.ticker, not_for_this_screen);
    for (Banner& banner : feed.banners) {
        if (!banner.article.empty() && feed.find_article(banner.article) == nullptr) {
            banner.article.clear();
        }
    }
}

}  // namespace placard
