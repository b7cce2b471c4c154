#include <malloc.h>

#include "content/bundle_reader.hpp"
#include "core/audience.hpp"
#include "player/snapshot.hpp"
#include "render/image_file.hpp"
#include "runtime/install_paths.hpp"
#include "runtime/missing_characters.hpp"

namespace placard {

namespace fs = std::filesystem;

FeedStamp read_feed_stamp(const fs::path& bundle_dir) {
    std::error_code error;
    const fs::path feed = bundle_dir / "feed.json";
    FeedStamp stamp;
    stamp.target = fs::canonical(bundle_dir, error);
    stamp.modified = fs::last_write_time(feed, error);
    stamp.size = error ? 0 : fs::file_size(feed, error);
    return stamp;
}

Result<ScreenLayout> load_screen_layout(const fs::path& bundle_dir, bool portrait) {
    std::error_code error;
    std::string path = (bundle_dir / "layout.json").string();
    if (!fs::is_regular_file(path, error)) {
        path = default_layout_path(portrait);
        if (path.empty()) {
            return make_error(
                "no screen layout: neither the bundle's layout.json nor the "
                "installed assets/layouts");
        }
    }
    auto text = read_file(path, 64 * 1024);
    if (!text) {
        return text.error();
    }
    return parse_screen_layout(*text, path);
}

Result<std::shared_ptr<const Snapshot>> load_snapshot(
    const fs::path& bundle_dir, FontLibrary& fonts, int width, int height,
    const std::optional<std::string>& screen_group) {
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->stamp = read_feed_stamp(bundle_dir);
    BundleCheck bundle = read_bundle(bundle_dir);
    if (!bundle.ok()) {
        // The first problem and how many more: `placard-tool validate` lists them all.
        return bundle.problems.summary();
    }
    // Checked whole (a bundle is good or not for every screen), then cut to this screen's part:
    // what is for other groups is neither decoded nor laid out.
    if (screen_group) {
        keep_aimed_at(bundle.feed, *screen_group);
    }
    auto screen = load_screen_layout(bundle_dir, width < height);
    if (!screen) {
        return screen.error();
    }
    DecodedImages images;
    for (const std::string& media : media_paths(bundle.feed)) {
        auto image = load_image((bundle_dir / media).string());
        if (!image) {
            return image.error();
        }
        images.emplace(media, std::move(image.value()));
    }
    auto home = build_home_screen(bundle.feed, images, *screen, fonts, width, height);
    if (!home) {
        return home.error();
    }
    log_missing_characters((*home)->missing, (bundle_dir / "feed.json").string());
    snapshot->notices = lay_out_notices(bundle.feed.notices, fonts, (*home)->geometry);
    log_missing_characters(snapshot->notices->missing,
                           (bundle_dir / "feed.json").string() + ": notices");
    snapshot->home = std::move(home.value());
    // Each scheduled layout: the same content in its own zones, its home screen laid out now so
    // that the switch at its hour lays out no home screen (the reading screens are laid out
    // again for its header, ahead, as for new content).
    for (const ScheduledLayout& layout : bundle.feed.layouts) {
        auto other = build_home_screen(bundle.feed, images, layout.zones, fonts, width, height);
        if (!other) {
            return other.error();
        }
        auto variant = std::make_shared<Snapshot>();
        variant->stamp = snapshot->stamp;
        variant->notices = lay_out_notices(bundle.feed.notices, fonts, (*other)->geometry);
        variant->home = std::move(other.value());
        variant->feed = bundle.feed;
        variant->layout_id = layout.id;
        snapshot->layouts.push_back(std::move(variant));
        snapshot->layout_schedule.push_back(ScheduledItem{0, {}, {}, layout.schedule});
    }
    snapshot->feed = std::move(bundle.feed);
    images.clear();
    // The decoded originals were large and are gone: give their pages back to the system
    // rather than keep them in the heap (glibc).
    malloc_trim(0);
    return std::shared_ptr<const Snapshot>(std::move(snapshot));
}

std::shared_ptr<const Snapshot> layout_at(const std::shared_ptr<const Snapshot>& base,
                                          WallTime now) {
    if (base->layouts.empty()) {
        return base;
    }
    int first = -1;
    first_playing_items(base->layout_schedule, now, std::span<int>(&first, 1));
    return first >= 0 ? base->layouts[static_cast<std::size_t>(first)] : base;
}

}  // namespace placard
