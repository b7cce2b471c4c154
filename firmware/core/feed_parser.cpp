#include "core/feed_parser.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "core/audience.hpp"
#include "core/notice_json.hpp"
#include "core/schedule_json.hpp"
#include "core/utf8.hpp"

namespace placard {
namespace {

using nlohmann::json;

// Walks a JSON document while remembering where it is, and collects problems instead of
// stopping at the first one.
class FeedReader {
  public:
    FeedReader(std::string_view origin, const FeedLimits& limits, ProblemList& out)
        : origin_(origin), limits_(limits), problems_(out) {}

    // Messages may quote the input, which may not be valid UTF-8 (a body cut mid-character).
    void problem(const std::string& where, const std::string& what,
                 ErrorKind kind = ErrorKind::Invalid) {
        problems_.add(make_error(
            kind, utf8::make_valid(origin_ + ": " + (where.empty() ? "" : where + ": ") + what)));
    }

    // Checks that `object` has only the keys in `allowed`; an unknown key is most often a typo.
    void only_keys(const json& object, const std::string& where,
                   std::initializer_list<const char*> allowed) {
        for (const auto& item : object.items()) {
            bool known = false;
            for (const char* key : allowed) {
                known = known || item.key() == key;
            }
            if (!known) {
                problem(join(where, item.key()), "unknown field");
            }
        }
    }

    // Reads a required or optional string member; returns whether one was read.
    bool string_field(const json& object, const std::string& where, const char* key,
                      std::string& out, bool required, std::size_t max_bytes = 0) {
        const std::string path = join(where, key);
        const auto it = object.find(key);
        if (it == object.end()) {
            if (required) {
                problem(path, "missing");
            }
            return false;
        }
        return read_string(*it, path, out, required, max_bytes);
    }

    bool read_string(const json& value, const std::string& path, std::string& out, bool non_empty,
                     std::size_t max_bytes = 0) {
        if (!value.is_string()) {
            problem(path, "expected a string");
            return false;
        }
        const auto& text = value.get_ref<const std::string&>();
        const std::size_t limit = max_bytes ? max_bytes : limits_.max_string_bytes;
        if (text.size() > limit) {
            problem(path, "longer than " + std::to_string(limit) + " bytes", ErrorKind::TooLarge);
            return false;
        }
        if (non_empty && text.empty()) {
            problem(path, "must not be empty");
            return false;
        }
        out = text;
        return true;
    }

    void string_list(const json& object, const std::string& where, const char* key,
                     std::vector<std::string>& out, std::size_t max_items, bool required) {
        const std::string path = join(where, key);
        const auto it = object.find(key);
        if (it == object.end()) {
            if (required) {
                problem(path, "missing");
            }
            return;
        }
        if (!it->is_array()) {
            problem(path, "expected an array of strings");
            return;
        }
        if (it->size() > max_items) {
            problem(path, "more than " + std::to_string(max_items) + " items", ErrorKind::TooLarge);
            return;
        }
        for (std::size_t i = 0; i < it->size(); ++i) {
            std::string text;
            if (read_string((*it)[i], index(path, i), text, false)) {
                out.push_back(std::move(text));
            }
        }
    }

    void id_field(const json& object, const std::string& where, std::string& out) {
        if (string_field(object, where, "id", out, true, limits_.max_id_bytes)) {
            for (const unsigned char c : out) {
                if (c <= ' ' || c == 0x7f) {
                    problem(join(where, "id"), "must not contain spaces or control characters");
                    return;
                }
            }
        }
    }

    void path_field(const json& object, const std::string& where, const char* key, std::string& out,
                    bool required) {
        if (string_field(object, where, key, out, required) && !is_safe_bundle_path(out)) {
            problem(join(where, key), "\"" + out + "\" is not a relative path inside the bundle");
        }
    }

    void time_field(const json& object, const std::string& where, const char* key,
                    std::optional<WallTime>& out) {
        std::string text;
        if (string_field(object, where, key, text, false)) {
            out = parse_rfc3339(text);
            if (!out) {
                problem(join(where, key),
                        "\"" + text + "\" is not an RFC 3339 time like 2026-11-24T09:00:00+08:00");
            }
        }
    }

    static std::string join(const std::string& where, const std::string& key) {
        return where.empty() ? key : where + "." + key;
    }
    static std::string index(const std::string& where, std::size_t i) {
        return where + "[" + std::to_string(i) + "]";
    }

    // Returns the array member `key` if it is one within `max_items`, else nullptr.
    const json* array_field(const json& object, const char* key, std::size_t max_items,
                            bool required) {
        const auto it = object.find(key);
        if (it == object.end()) {
            if (required) {
                problem(key, "missing");
            }
            return nullptr;
        }
        if (!it->is_array()) {
            problem(key, "expected an array");
            return nullptr;
        }
        if (it->size() > max_items) {
            problem(key, "more than " + std::to_string(max_items) + " items", ErrorKind::TooLarge);
            return nullptr;
        }
        return &*it;
    }

    // Calls `read(item, where)` for each object in the array member `key`, reporting items
    // that are not objects.
    template <typename ReadItem>
    void for_each_object(const json& root, const char* key, std::size_t max_items, bool required,
                         ReadItem read) {
        const json* list = array_field(root, key, max_items, required);
        if (!list) {
            return;
        }
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string where = index(key, i);
            if (!(*list)[i].is_object()) {
                problem(where, "expected an object");
                continue;
            }
            read((*list)[i], where);
        }
    }

    const FeedLimits& limits() const { return limits_; }

    // The feed's named office calendars, read before the items whose schedules name them.
    void read_calendars_member(const json& root) {
        if (const auto it = root.find("calendars"); it != root.end()) {
            calendars_ = read_calendars(*it, "calendars", schedule_problem());
        }
    }
    void groups_field(const json& item, const std::string& where, std::vector<std::string>& out) {
        if (const auto it = item.find("groups"); it != item.end()) {
            if (auto wrong = read_groups(*it, out)) {
                problem(join(where, "groups"), *wrong);
            }
        }
    }

    std::shared_ptr<const ItemSchedule> schedule_field(const json& item, const std::string& where) {
        const auto it = item.find("schedule");
        return it == item.end()
                   ? nullptr
                   : read_schedule(*it, join(where, "schedule"), calendars_, schedule_problem());
    }

    // "screen_hours": {"on": SCHEDULE, "wake_on_touch_minutes": 5}.
    void read_screen_hours(const json& root, std::optional<ScreenHours>& out) {
        const auto it = root.find("screen_hours");
        if (it == root.end()) {
            return;
        }
        if (!it->is_object()) {
            problem("screen_hours", "expected an object");
            return;
        }
        only_keys(*it, "screen_hours", {"on", "wake_on_touch_minutes"});
        ScreenHours hours;
        const auto on = it->find("on");
        if (on == it->end()) {
            problem("screen_hours.on", "missing (the schedule of when the screen is on)");
            return;
        }
        hours.on = read_schedule(*on, "screen_hours.on", calendars_, schedule_problem());
        if (hours.on && hours.on->schedule.filler) {
            problem("screen_hours.on.filler", "screen hours are windows, not a filler");
        }
        if (const auto wake = it->find("wake_on_touch_minutes"); wake != it->end()) {
            if (!wake->is_number_integer() || wake->get<std::int64_t>() < 0 ||
                wake->get<std::int64_t>() > 120) {
                problem("screen_hours.wake_on_touch_minutes",
                        "expected a whole number of minutes, 0 (never) to 120");
            } else {
                hours.wake_on_touch_s = static_cast<double>(wake->get<std::int64_t>()) * 60;
            }
        }
        if (hours.on) {
            out = std::move(hours);
        }
    }

  private:
    ScheduleProblem schedule_problem() {
        return [this](const std::string& where, const std::string& what) { problem(where, what); };
    }

    std::string origin_;
    const FeedLimits& limits_;
    ProblemList& problems_;
    OfficeCalendars calendars_;
};

bool is_sha256_hex(const std::string& text) {
    bool hex = text.size() == 64;
    for (const char c : text) {
        hex = hex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
    return hex;
}

void read_site(FeedReader& reader, const json& root, Site& site) {
    const auto it = root.find("site");
    if (it == root.end()) {
        reader.problem("site", "missing");
        return;
    }
    if (!it->is_object()) {
        reader.problem("site", "expected an object");
        return;
    }
    reader.only_keys(*it, "site", {"name", "logo", "logo_sha256", "footer"});
    reader.string_field(*it, "site", "name", site.name, true);
    reader.path_field(*it, "site", "logo", site.logo, false);
    if (reader.string_field(*it, "site", "logo_sha256", site.logo_sha256, false) &&
        !is_sha256_hex(site.logo_sha256)) {
        reader.problem("site.logo_sha256", "expected 64 lower-case hex digits");
    }
    reader.string_list(*it, "site", "footer", site.footer, reader.limits().max_footer_lines, false);
}

void read_channels(FeedReader& reader, const json& root, std::vector<Channel>& channels) {
    reader.for_each_object(root, "channels", reader.limits().max_channels, true,
                           [&](const json& item, const std::string& where) {
                               reader.only_keys(item, where, {"id", "title"});
                               Channel channel;
                               reader.id_field(item, where, channel.id);
                               reader.string_field(item, where, "title", channel.title, true);
                               channels.push_back(std::move(channel));
                           });
}

void read_banners(FeedReader& reader, const json& root, std::vector<Banner>& banners) {
    reader.for_each_object(
        root, "banners", reader.limits().max_banners, false,
        [&](const json& item, const std::string& where) {
            reader.only_keys(item, where,
                             {"id", "image", "slot", "sha256", "caption", "article", "duration",
                              "from", "until", "schedule", "groups"});
            Banner banner;
            reader.id_field(item, where, banner.id);
            reader.path_field(item, where, "image", banner.image, true);
            std::string slot;
            if (reader.string_field(item, where, "slot", slot, false)) {
                if (slot == "side") {
                    banner.slot = Banner::Slot::Side;
                } else if (slot != "main") {
                    reader.problem(where + ".slot", "expected \"main\" or \"side\"");
                }
            }
            if (reader.string_field(item, where, "sha256", banner.sha256, false)) {
                bool hex = banner.sha256.size() == 64;
                for (const char c : banner.sha256) {
                    hex = hex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
                }
                if (!hex) {
                    reader.problem(where + ".sha256", "expected 64 lower-case hex digits");
                }
            }
            reader.string_field(item, where, "caption", banner.caption, false);
            reader.string_field(item, where, "article", banner.article, false);
            if (const auto duration = item.find("duration"); duration != item.end()) {
                if (!duration->is_number()) {
                    reader.problem(where + ".duration", "expected a number of seconds");
                } else {
                    banner.duration_s = duration->get<double>();
                    if (!(banner.duration_s >= 1 &&
                          banner.duration_s <= reader.limits().max_banner_duration_s)) {
                        reader.problem(where + ".duration",
                                       "must be between 1 and " +
                                           std::to_string(static_cast<int>(
                                               reader.limits().max_banner_duration_s)) +
                                           " seconds");
                    }
                }
            }
            reader.time_field(item, where, "from", banner.from);
            reader.time_field(item, where, "until", banner.until);
            if (banner.from && banner.until && !(*banner.from < *banner.until)) {
                reader.problem(where + ".until", "must be later than from");
            }
            banner.schedule = reader.schedule_field(item, where);
            reader.groups_field(item, where, banner.groups);
            banners.push_back(std::move(banner));
        });
}

void read_articles(FeedReader& reader, const json& root, std::vector<Article>& articles) {
    reader.for_each_object(
        root, "articles", reader.limits().max_articles, true,
        [&](const json& item, const std::string& where) {
            reader.only_keys(item, where,
                             {"id", "channel", "title", "author", "source", "published",
                              "highlights", "body", "note", "language", "schedule", "groups"});
            Article article;
            reader.id_field(item, where, article.id);
            reader.string_field(item, where, "channel", article.channel, true);
            reader.string_field(item, where, "title", article.title, true);
            reader.string_field(item, where, "author", article.author, false);
            reader.string_field(item, where, "source", article.source, false);
            if (reader.string_field(item, where, "published", article.published, false) &&
                !parse_iso_date(article.published)) {
                reader.problem(where + ".published",
                               "\"" + article.published + "\" is not a date like 2017-07-25");
            }
            reader.string_list(item, where, "highlights", article.highlights,
                               reader.limits().max_highlights, false);
            reader.string_list(item, where, "body", article.body, reader.limits().max_paragraphs,
                               true);
            reader.string_field(item, where, "note", article.note, false);
            if (reader.string_field(item, where, "language", article.language, false) &&
                article.language != "zh-Hans" && article.language != "zh-Hant" &&
                article.language != "ja" && article.language != "en") {
                reader.problem(where + ".language", "expected one of zh-Hans, zh-Hant, ja, en");
            }
            article.schedule = reader.schedule_field(item, where);
            reader.groups_field(item, where, article.groups);
            articles.push_back(std::move(article));
        });
}

// "ticker": each item a string, or {"text": ..., "schedule": ...} to scroll by only when its
// schedule says (docs/feed-format.md, Schedules).
void read_ticker(FeedReader& reader, const json& root, std::vector<TickerItem>& out) {
    const auto it = root.find("ticker");
    if (it == root.end()) {
        return;
    }
    if (!it->is_array()) {
        reader.problem("ticker",
                       "expected an array of strings or {\"text\", \"schedule\"} objects");
        return;
    }
    const std::size_t max_items = reader.limits().max_ticker_items;
    if (it->size() > max_items) {
        reader.problem("ticker", "more than " + std::to_string(max_items) + " items",
                       ErrorKind::TooLarge);
        return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& value = (*it)[i];
        const std::string where = "ticker[" + std::to_string(i) + "]";
        TickerItem item;
        if (value.is_object()) {
            reader.only_keys(value, where, {"text", "schedule", "groups"});
            if (!reader.string_field(value, where, "text", item.text, true)) {
                continue;
            }
            item.schedule = reader.schedule_field(value, where);
            reader.groups_field(value, where, item.groups);
        } else if (!reader.read_string(value, where, item.text, false)) {
            continue;
        }
        out.push_back(std::move(item));
    }
}

void read_notices(FeedReader& reader, const json& root, std::vector<Notice>& notices) {
    const auto problem = [&](const std::string& where, const std::string& what) {
        reader.problem(where, what);
    };
    reader.for_each_object(
        root, "notices", reader.limits().max_notices, false,
        [&](const json& item, const std::string& where) {
            if (item.contains("placard_notice")) {
                reader.problem(where + ".placard_notice", "only a notice file has this field");
                return;
            }
            auto notice = read_notice(item, where, problem);
            if (!notice) {
                return;
            }
            // One notice an id: a later one replaces it (by `issued`), in
            // another feed version or a notice file.
            for (const Notice& other : notices) {
                if (other.id == notice->id) {
                    reader.problem(where + ".id", "duplicate id \"" + notice->id + "\"");
                    return;
                }
            }
            notices.push_back(std::move(*notice));
        });
}

// "layouts": [{"id": ..., "zones": {...as in layout.json...}, "schedule": {...}}].
void read_layouts(FeedReader& reader, const json& root, std::vector<ScheduledLayout>& layouts) {
    reader.for_each_object(
        root, "layouts", kMaxScheduledLayouts, false,
        [&](const json& item, const std::string& where) {
            reader.only_keys(item, where, {"id", "zones", "schedule"});
            ScheduledLayout layout;
            reader.id_field(item, where, layout.id);
            bool ok = true;
            if (const auto zones = item.find("zones"); zones == item.end()) {
                reader.problem(where + ".zones", "missing");
                ok = false;
            } else if (const auto problem =
                           read_layout_zones(*zones, where + ".zones", layout.zones)) {
                reader.problem(problem->path, problem->what);
                ok = false;
            }
            if (!item.contains("schedule")) {
                reader.problem(where + ".schedule",
                               "missing (a layout shows while its schedule plays; the bundle's "
                               "own layout shows otherwise)");
                return;
            }
            layout.schedule = reader.schedule_field(item, where);
            if (layout.schedule && layout.schedule->schedule.filler) {
                reader.problem(where + ".schedule.filler",
                               "a layout is not a filler: the bundle's own layout shows when no "
                               "scheduled layout plays");
                ok = false;
            }
            if (ok && layout.schedule) {
                layouts.push_back(std::move(layout));
            }
        });
}

// Ids are unique within their kind, and references point at something that exists.
void check_references(FeedReader& reader, const Feed& feed) {
    std::set<std::string> channel_ids, article_ids, banner_ids;
    for (std::size_t i = 0; i < feed.channels.size(); ++i) {
        if (!feed.channels[i].id.empty() && !channel_ids.insert(feed.channels[i].id).second) {
            reader.problem(FeedReader::index("channels", i) + ".id",
                           "duplicate id \"" + feed.channels[i].id + "\"");
        }
    }
    for (std::size_t i = 0; i < feed.articles.size(); ++i) {
        const Article& article = feed.articles[i];
        const std::string where = FeedReader::index("articles", i);
        if (!article.id.empty() && !article_ids.insert(article.id).second) {
            reader.problem(where + ".id", "duplicate id \"" + article.id + "\"");
        }
        if (!article.channel.empty() && !channel_ids.contains(article.channel)) {
            reader.problem(where + ".channel", "no channel has id \"" + article.channel + "\"");
        }
    }
    std::set<std::string> layout_ids;
    for (std::size_t i = 0; i < feed.layouts.size(); ++i) {
        if (!layout_ids.insert(feed.layouts[i].id).second) {
            reader.problem(FeedReader::index("layouts", i) + ".id",
                           "duplicate id \"" + feed.layouts[i].id + "\"");
        }
    }
    for (std::size_t i = 0; i < feed.banners.size(); ++i) {
        const Banner& banner = feed.banners[i];
        const std::string where = FeedReader::index("banners", i);
        if (!banner.id.empty() && !banner_ids.insert(banner.id).second) {
            reader.problem(where + ".id", "duplicate id \"" + banner.id + "\"");
        }
        if (!banner.article.empty() && !article_ids.contains(banner.article)) {
            reader.problem(where + ".article", "no article has id \"" + banner.article + "\"");
        }
    }
}

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at "; the rest
// ("line 3, column 7: syntax error while parsing ...") is what an admin needs.
std::string describe_parse_error(const std::string& what) {
    const std::string marker = "parse error at ";
    const auto pos = what.find(marker);
    if (pos != std::string::npos) {
        return what.substr(pos + marker.size());
    }
    const auto bracket = what.find("] ");
    return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

}  // namespace

bool is_safe_bundle_path(std::string_view path) {
    if (path.empty() || path.front() == '/' || path.size() > 255) {
        return false;
    }
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view segment = path.substr(start, end - start);
        if (segment.empty() || segment == "." || segment == "..") {
            return false;
        }
        start = end + 1;
    }
    for (const unsigned char c : path) {
        if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') {
            return false;
        }
    }
    return true;
}

FeedParseOutcome parse_feed(std::string_view json_text, std::string_view origin,
                            const FeedLimits& limits) {
    FeedParseOutcome outcome;
    FeedReader reader(origin, limits, outcome.problems);
    if (json_text.size() > limits.max_feed_bytes) {
        reader.problem("", "larger than " + std::to_string(limits.max_feed_bytes) + " bytes",
                       ErrorKind::TooLarge);
        return outcome;
    }
    json root;
    try {
        root = json::parse(json_text.begin(), json_text.end());
    } catch (const json::exception& error) {
        reader.problem("", describe_parse_error(error.what()));
        return outcome;
    }
    if (!root.is_object()) {
        reader.problem("", "expected a JSON object at the top level");
        return outcome;
    }
    reader.only_keys(root, "",
                     {"placard", "version", "generated", "site", "channels", "banners", "articles",
                      "ticker", "calendars", "notices", "screen_hours", "layouts"});
    Feed& feed = outcome.feed;
    if (const auto format = root.find("placard"); format == root.end()) {
        reader.problem("placard", "missing (the feed format number, 1)");
    } else if (!format->is_number_integer() || format->get<std::int64_t>() != 1) {
        reader.problem("placard", "unsupported feed format (this player reads format 1)");
    }
    if (const auto version = root.find("version"); version == root.end()) {
        reader.problem("version", "missing");
    } else if (!version->is_number_integer() || version->get<std::int64_t>() < 0) {
        reader.problem("version", "expected a non-negative integer");
    } else {
        feed.version = version->get<std::int64_t>();
    }
    reader.time_field(root, "", "generated", feed.generated);
    read_site(reader, root, feed.site);
    read_channels(reader, root, feed.channels);
    reader.read_calendars_member(root);
    read_banners(reader, root, feed.banners);
    read_articles(reader, root, feed.articles);
    read_ticker(reader, root, feed.ticker);
    read_notices(reader, root, feed.notices);
    reader.read_screen_hours(root, feed.screen_hours);
    read_layouts(reader, root, feed.layouts);
    check_references(reader, feed);
    return outcome;
}

}  // namespace placard
