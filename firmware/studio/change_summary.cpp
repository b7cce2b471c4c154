#include "studio/change_summary.hpp"

#include <map>
#include <nlohmann/json.hpp>

namespace placard {

namespace {

using nlohmann::json;

struct Part {
    const char* key;
    const char* name;  // What the admin calls it.
};

constexpr Part kListsById[] = {{"articles", "文章"},
                               {"banners", "横幅"},
                               {"channels", "栏目"},
                               {"notices", "通知"},
                               {"layouts", "版式"}};
constexpr Part kWholeParts[] = {
    {"site", "站点信息"}, {"ticker", "滚动字幕"}, {"screen_hours", "开关屏时间"}};

std::string label(const json& item) {
    for (const char* field : {"title", "caption", "text", "id"}) {
        if (item.contains(field) && item[field].is_string() &&
            !item[field].get<std::string>().empty()) {
            const std::string text = item[field].get<std::string>();
            return std::string("《") + text + "》";
        }
    }
    return "（无标题）";
}

std::map<std::string, json> by_id(const json& feed, const char* key) {
    std::map<std::string, json> items;
    if (feed.contains(key) && feed[key].is_array()) {
        for (const json& item : feed[key]) {
            if (item.is_object() && item.contains("id") && item["id"].is_string()) {
                items.emplace(item["id"].get<std::string>(), item);
            }
        }
    }
    return items;
}

void compare_list(const json& before, const json& after, const Part& part,
                  std::vector<std::string>& lines) {
    const auto old_items = by_id(before, part.key), new_items = by_id(after, part.key);
    for (const auto& [id, item] : new_items) {
        const auto old = old_items.find(id);
        if (old == old_items.end()) {
            lines.push_back("新增" + std::string(part.name) + label(item));
        } else if (old->second != item) {
            lines.push_back("修改" + std::string(part.name) + label(item));
        }
    }
    for (const auto& [id, item] : old_items) {
        if (!new_items.contains(id)) {
            lines.push_back("删除" + std::string(part.name) + label(item));
        }
    }
}

}  // namespace

std::vector<std::string> describe_changes(std::string_view old_feed, std::string_view new_feed) {
    const json before = json::parse(old_feed, nullptr, false);
    const json after = json::parse(new_feed, nullptr, false);
    if (!before.is_object() || !after.is_object()) {
        return {"全部内容"};
    }
    std::vector<std::string> lines;
    for (const Part& part : kListsById) {
        compare_list(before, after, part, lines);
    }
    for (const Part& part : kWholeParts) {
        if (before.value(part.key, json()) != after.value(part.key, json())) {
            lines.push_back(std::string(part.name) + "有改动");
        }
    }
    return lines;
}

}  // namespace placard
