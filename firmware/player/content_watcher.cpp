#include "player/content_watcher.hpp"

#include <utility>

#include "runtime/log.hpp"

namespace placard {

ContentWatcher::ContentWatcher(std::filesystem::path bundle_dir, FontLibrary& fonts, int width,
                               int height, FeedStamp current, std::int64_t current_version,
                               std::chrono::milliseconds poll_interval,
                               std::optional<std::string> screen_group)
    : bundle_dir_(std::move(bundle_dir)),
      fonts_(fonts),
      width_(width),
      height_(height),
      poll_interval_(poll_interval),
      seen_(std::move(current)),
      version_(current_version),
      loaded_group_(screen_group),
      group_(std::move(screen_group)) {}

ContentWatcher::~ContentWatcher() {
    thread_.stop();
}

void ContentWatcher::start() {
    thread_.start(poll_interval_, [this] {
        poll_once();
        return poll_interval_;
    });
}

void ContentWatcher::poll_once() {
    const FeedStamp stamp = read_feed_stamp(bundle_dir_);
    std::optional<std::string> group;
    {
        std::lock_guard lock(mutex_);
        group = group_;
    }
    if (stamp == seen_ && group == loaded_group_) {
        return;
    }
    seen_ = stamp;
    loaded_group_ = group;
    // Resolved once: a switch of `current` while this loads cannot mix two versions' files.
    const std::filesystem::path resolved = stamp.target.empty() ? bundle_dir_ : stamp.target;
    auto loaded = load_snapshot(resolved, fonts_, width_, height_, group);
    if (loaded && (*loaded)->feed.version < version_) {
        loaded =
            make_error(ErrorKind::Stale,
                       "feed.json: version: " + std::to_string((*loaded)->feed.version) +
                           " is older than the version on screen, " + std::to_string(version_));
    }
    std::lock_guard lock(mutex_);
    if (!loaded) {
        last_error_ = loaded.error().message;
        log_error("new content refused, the screen keeps the current version: " + last_error_);
        return;
    }
    last_error_.clear();
    log_info("content version " + std::to_string((*loaded)->feed.version) + " loaded");
    version_ = (*loaded)->feed.version;
    pending_ = std::move(loaded.value());
}

void ContentWatcher::set_screen_group(std::string group) {
    std::lock_guard lock(mutex_);
    group_ = std::move(group);
}

std::shared_ptr<const Snapshot> ContentWatcher::take() {
    std::lock_guard lock(mutex_);
    return std::move(pending_);
}

std::string ContentWatcher::last_error() const {
    std::lock_guard lock(mutex_);
    return last_error_;
}

}  // namespace placard
