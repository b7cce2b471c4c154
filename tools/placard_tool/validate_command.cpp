// placard-tool validate PATH: a bundle folder or a feed.json.
#include <cstdio>
#include <filesystem>

#include "commands.hpp"
#include "content/bundle_reader.hpp"
#include "content/staged_update.hpp"
#include "core/schedule_gaps.hpp"
#include "runtime/log.hpp"
#include "service/bundle_images.hpp"

namespace placard::tool {
namespace {

// Warnings for the spans of the week from `generated` (or now) in which a scheduled kind of
// item has nothing to play: valid, but seldom meant. One line a kind: the first gap and how many
// more.
void warn_of_schedule_gaps(const std::string& origin, const Feed& feed) {
    std::vector<ScheduledItem> banners, side, excerpts, ticker;
    for (const Banner& banner : feed.banners) {
        (banner.slot == Banner::Slot::Side ? side : banners)
            .push_back(ScheduledItem{0, banner.from, banner.until, banner.schedule});
    }
    for (const Article& article : feed.articles) {
        excerpts.push_back(ScheduledItem{0, {}, {}, article.schedule});
    }
    for (const TickerItem& item : feed.ticker) {
        ticker.push_back(ScheduledItem{0, {}, {}, item.schedule});
    }
    const WallTime from = feed.generated ? *feed.generated : system_wall_time();
    const std::pair<const char*, const std::vector<ScheduledItem>*> kinds[] = {
        {"main banners", &banners},
        {"side banners", &side},
        {"excerpts", &excerpts},
        {"ticker items", &ticker}};
    for (const auto& [name, items] : kinds) {
        const auto gaps = schedule_gaps(*items, from, 7);
        if (gaps.empty()) {
            continue;
        }
        const LocalTime start = to_local(gaps.front().start);
        const std::string more =
            gaps.size() > 1 ? " (and " + std::to_string(gaps.size() - 1) + " more spans)" : "";
        std::printf(
            "%s: warning: %s: none plays for %d min from %s %s%s in the week from %s: add a "
            "filler (垫片) or widen a window if that is not meant\n",
            origin.c_str(), name, gaps.front().minutes, format_iso_date(start.date).c_str(),
            format_clock(start).c_str(), more.c_str(), format_rfc3339(from).c_str());
    }
}

}  // namespace

int validate_command(const Arguments& arguments) {
    if (arguments.size() != 1 || arguments[0].starts_with("--")) {
        log_error("validate: usage: validate PATH (a bundle folder or a feed.json)");
        return 2;
    }
    namespace fs = std::filesystem;
    const fs::path path = arguments[0];
    BundleCheck check = read_bundle(path);
    if (check.ok()) {
        // Everything the player will read, as a screen's importer checks it: the feed's hashes,
        // layout.json, every image decoded within the limits and the pixel budget.
        TrustPolicy no_signature;
        no_signature.allow_unsigned = true;
        std::error_code error;
        check.problems =
            validate_staged_folder(fs::is_directory(path, error) ? path : path.parent_path(),
                                   std::nullopt, no_signature, "", check_bundle_images, nullptr);
    }
    for (const Error& problem : check.problems) {
        std::printf("%s\n", problem.message.c_str());
    }
    if (!check.ok()) {
        return 1;
    }
    warn_of_schedule_gaps(path.string(), check.feed);
    std::printf("%s: ok (version %lld, %zu articles, %zu banners)\n", path.string().c_str(),
                static_cast<long long>(check.feed.version), check.feed.articles.size(),
                check.feed.banners.size());
    return 0;
}

}  // namespace placard::tool
