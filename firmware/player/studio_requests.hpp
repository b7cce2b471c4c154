// The studio's requests to the player (content/screen_requests.hpp), looked for four times a
// second on a thread of its own so that the render thread never touches the file, and carried
// out by the frame loop: a screenshot of the frame it last presented (player_screenshot.hpp),
// or a restart.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

#include "content/screen_requests.hpp"
#include "runtime/periodic_thread.hpp"

namespace placard {

class StudioRequests {
  public:
    // The requests already in the file are taken as seen: each is carried out once.
    explicit StudioRequests(std::filesystem::path file);
    ~StudioRequests();
    StudioRequests(const StudioRequests&) = delete;
    StudioRequests& operator=(const StudioRequests&) = delete;

    void start(std::chrono::milliseconds interval);
    // The nonce of a screenshot asked for and not yet taken, or "".
    std::string take_screenshot();
    // Whether a restart was asked for (and not yet taken).
    bool take_restart();
    // A display request (开屏 / 关屏) not yet taken: the one in force when the player started,
    // then each new one. Null when there is none.
    std::optional<ScreenRequests> take_display();
    // The screen's group when it changed since the player started (or last took it), else null.
    std::optional<std::string> take_group();
    // The player laid its content out for `group` (read before this was made): a group the
    // service wrote meanwhile is taken as a change.
    void started_with_group(const std::string& group);

  private:
    void look();

    std::filesystem::path file_;
    std::mutex mutex_;
    ScreenRequests seen_;
    std::string screenshot_;
    bool restart_ = false;
    std::optional<ScreenRequests> display_;
    std::optional<std::string> group_;
    // Whether anything waits: the render thread looks at this after every frame, and takes
    // the lock only when it is set.
    std::atomic<bool> waiting_{false};
    PeriodicThread thread_;  // Last: stopped before the members it uses are destroyed.
};

}  // namespace placard
