#include "player/content_watcher.hpp"

#include <utility>

#include "runtime/log.hpp"

namespace placard {

ContentWatcher::ContentWatcher(std::filesystem::path bundle_dir, FontLibrary& fonts, int width,
                               int height, FeedStamp current, std::int64_t current_version,
                               std::chrono::milliseconds poll_interval)
    : bundle_dir_(std::move(bundle_dir)),
      fonts_(fonts),
      width_(width),
      height_(height),
      poll_interval_(poll_interval),
      seen_(std::move(current)),
      version_(current_version) {}

ContentWatcher::~ContentWatcher() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void ContentWatcher::start() {
    thread_ = std::thread([this] { run(); });
}

void ContentWatcher::run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, poll_interval_, [this] { return stopping_; });
        if (stopping_) {
            break;
        }
        lock.unlock();
        poll_once();
        lock.lock();
    }
}

void ContentWatcher::poll_once() {
    const FeedStamp stamp = read_feed_stamp(bundle_dir_);
    if (stamp == seen_) {
        return;
    }
    seen_ = stamp;
    // Resolved once: a switch of `current` while this loads cannot mix two versions' files.
    const std::filesystem::path resolved = stamp.target.empty() ? bundle_dir_ : stamp.target;
    auto loaded = load_snapshot(resolved, fonts_, width_, height_);
    if (loaded && (*loaded)->feed.version < version_) {
        loaded = make_error("feed.json: version: " + std::to_string((*loaded)->feed.version) +
                            " is older than the version on screen, " + std::to_string(version_));
    }
    std::lock_guard lock(mutex_);
    if (!loaded) {
        last_error_ = loaded.error().message;
        log_error("new content refused, the screen keeps the current version:");
        std::size_t start = 0;
        while (start <= last_error_.size()) {
            const std::size_t end = std::min(last_error_.find('\n', start), last_error_.size());
            log_error(std::string_view(last_error_).substr(start, end - start));
            start = end + 1;
        }
        return;
    }
    last_error_.clear();
    log_info("content version " + std::to_string((*loaded)->feed.version) + " loaded");
    version_ = (*loaded)->feed.version;
    pending_ = std::move(loaded.value());
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
