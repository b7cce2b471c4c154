// An immutable picture of one content version, ready to draw: the feed, decoded and scaled
// images, laid-out text. Built on the content thread, handed to the main thread whole
// (ARCHITECTURE.md, "Threads").
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/content_model.hpp"
#include "core/result.hpp"
#include "render/home_screen.hpp"
#include "render/notice_painter.hpp"
#include "text/font_library.hpp"

namespace placard {

// Identifies a version of feed.json on disk, to notice when it changes.
struct FeedStamp {
    std::filesystem::path target;  // Where the folder really is (the store switches a symlink).
    std::filesystem::file_time_type modified{};
    std::uintmax_t size = 0;
    bool operator==(const FeedStamp&) const = default;
};

struct Snapshot {
    Feed feed;
    std::shared_ptr<const HomeScreenLayout> home;
    std::shared_ptr<const NoticeBoard> notices;  // The feed's own notices, laid out.
    FeedStamp stamp;
    // The feed's scheduled layouts (Feed::layouts), each a snapshot of the same content laid
    // out in its own zones, and when each shows; the player shows the first that plays, else
    // this one (player/player_frame.hpp).
    std::vector<std::shared_ptr<const Snapshot>> layouts;
    std::string layout_id;  // For a scheduled layout, its id; empty for the content's own.
    std::vector<ScheduledItem> layout_schedule;
};

// Which of `base` and its scheduled layouts shows at `now`.
std::shared_ptr<const Snapshot> layout_at(const std::shared_ptr<const Snapshot>& base,
                                          WallTime now);

FeedStamp read_feed_stamp(const std::filesystem::path& bundle_dir);

// The bundle's own layout.json, else the default layout for the screen's orientation.
Result<ScreenLayout> load_screen_layout(const std::filesystem::path& bundle_dir, bool portrait);

// Reads, validates, decodes and lays out the bundle in `bundle_dir` for a width × height screen.
// With `screen_group`, only what is for a screen in that group ("" for none) is kept
// (core/audience.hpp); without, everything (a preview of the whole feed). On failure the
// message has one "where: what" line per problem.
Result<std::shared_ptr<const Snapshot>> load_snapshot(
    const std::filesystem::path& bundle_dir, FontLibrary& fonts, int width, int height,
    const std::optional<std::string>& screen_group = std::nullopt);

}  // namespace placard
