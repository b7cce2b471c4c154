// The thread that runs the feed updater: a poll, then sleep for the updater's next delay
// (the interval, or a jittered back-off after failures), until stopped.
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include "content/feed_updater.hpp"

namespace placard {

class FeedPoller {
  public:
    explicit FeedPoller(FeedUpdater updater);
    ~FeedPoller();  // Stops and joins.
    FeedPoller(const FeedPoller&) = delete;
    FeedPoller& operator=(const FeedPoller&) = delete;

  private:
    void run();
    FeedUpdater updater_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

// Logs an outcome the way the player and `placard-tool fetch` both do.
void log_update_outcome(const UpdateOutcome& outcome);

}  // namespace placard
