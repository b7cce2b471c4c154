// The content model: what a feed (feed format v1) says the screen should show.
//
// Plain values with no behaviour; the feed parser builds them and everything downstream reads
// them. Field meanings are documented in docs/feed-format.md and schema/feed-v1.schema.json.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/notice.hpp"
#include "core/schedule.hpp"
#include "core/screen_hours.hpp"
#include "core/screen_layout.hpp"
#include "core/wall_time.hpp"

namespace placard {

struct Site {
    std::string name;
    std::string logo;  // Bundle-relative path, may be empty.
    std::string logo_sha256;
    std::vector<std::string> footer;
};

struct Channel {
    std::string id;
    std::string title;
};

struct Banner {
    enum class Slot { Main, Side };
    std::string id;
    Slot slot = Slot::Main;  // The rotator, or the side slot (the seed's 475×110 / 355×110 pair).
    std::string image;       // Bundle-relative path.
    std::string sha256;      // Lower-case hex, may be empty.
    std::string caption;
    std::string article;    // Id of the article a tap opens, may be empty.
    double duration_s = 0;  // 0 means "use the player's default".
    std::optional<WallTime> from;
    std::optional<WallTime> until;
    std::shared_ptr<const ItemSchedule> schedule;  // When it plays; null: always.
    std::vector<std::string> groups;  // The screens it is for (core/audience.hpp); empty: all.
};

struct Article {
    std::string id;
    std::string channel;
    std::string title;
    std::string author;
    std::string source;
    std::string published;  // YYYY-MM-DD.
    std::vector<std::string> highlights;
    std::vector<std::string> body;  // One string per paragraph.
    std::string note;
    std::string language = "zh-Hans";  // BCP 47; selects glyph forms when shaping.
    // When its excerpt plays on the home screen; null: always. Channel lists show it anyway.
    std::shared_ptr<const ItemSchedule> schedule;
    // The screens it is on at all, excerpt, channel list and reading screen (core/audience.hpp).
    std::vector<std::string> groups;
};

// One item of the news ticker (要闻), scrolled in one line with the others, separated by ●.
struct TickerItem {
    std::string text;
    std::shared_ptr<const ItemSchedule> schedule;  // When it scrolls by; null: always.
    std::vector<std::string> groups;  // The screens it is for (core/audience.hpp); empty: all.
};

// Another arrangement of the home screen's zones for certain hours (an evening layout with the
// banner large and no excerpt): shown while its schedule plays, in place of the bundle's own
// layout (layout.json, or the built-in one), which shows otherwise.
struct ScheduledLayout {
    std::string id;
    ScreenLayout zones;
    std::shared_ptr<const ItemSchedule> schedule;  // Never null.
};

// At most this many scheduled layouts: each is laid out, its images scaled, ahead.
inline constexpr std::size_t kMaxScheduledLayouts = 3;

struct Feed {
    int format = 1;
    std::int64_t version = 0;
    std::optional<WallTime> generated;
    Site site;
    std::vector<Channel> channels;
    std::vector<Banner> banners;
    std::vector<Article> articles;
    std::vector<TickerItem> ticker;
    // Urgent notices published with the feed (and cancels of notices delivered otherwise).
    std::vector<Notice> notices;
    std::vector<ScheduledLayout> layouts;
    // When the panel is on (定时开关机); nothing: always.
    std::optional<ScreenHours> screen_hours;

    const Article* find_article(const std::string& id) const {
        for (const auto& article : articles) {
            if (article.id == id) {
                return &article;
            }
        }
        return nullptr;
    }
};

}  // namespace placard
