// The content thread: notices when the bundle's feed.json changes, loads the new version off
// the main thread, and offers it to the player. A version that fails to load is logged (where
// and what) and never offered: the screen keeps the last good content.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "player/snapshot.hpp"
#include "runtime/periodic_thread.hpp"

namespace placard {

class ContentWatcher {
  public:
    // `current` is the version on screen; changes are looked for every `poll_interval`. A feed
    // whose version is lower than `current_version` is refused (no rollback). `screen_group`:
    // the screen's group the version on screen was cut for (load_snapshot), if any.
    ContentWatcher(std::filesystem::path bundle_dir, FontLibrary& fonts, int width, int height,
                   FeedStamp current, std::int64_t current_version,
                   std::chrono::milliseconds poll_interval,
                   std::optional<std::string> screen_group = std::nullopt);
    ~ContentWatcher();
    ContentWatcher(const ContentWatcher&) = delete;
    ContentWatcher& operator=(const ContentWatcher&) = delete;

    void start();
    // Looks once, on the calling thread (tests use this instead of start()).
    void poll_once();
    // The screen is now in `group` (the studio said so): the version on screen is loaded again,
    // cut for it, at the next look.
    void set_screen_group(std::string group);
    // The newest good version not yet taken, or null.
    std::shared_ptr<const Snapshot> take();
    // The last load failure, empty when the last attempt succeeded.
    std::string last_error() const;

  private:
    std::filesystem::path bundle_dir_;
    FontLibrary& fonts_;
    int width_, height_;
    std::chrono::milliseconds poll_interval_;
    FeedStamp seen_;
    std::int64_t version_;
    std::optional<std::string> loaded_group_;  // What the version on screen was cut for.
    mutable std::mutex mutex_;                 // For pending_, last_error_ and group_.
    std::optional<std::string> group_;
    std::shared_ptr<const Snapshot> pending_;
    std::string last_error_;
    PeriodicThread thread_;  // Last: stopped before the members it uses are destroyed.
};

}  // namespace placard
