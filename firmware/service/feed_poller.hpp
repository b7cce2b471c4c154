// The thread that runs the feed updater: a poll, then sleep for the updater's next delay
// (the interval, or a jittered back-off after failures), until stopped.
#pragma once

#include "content/feed_updater.hpp"
#include "runtime/periodic_thread.hpp"

namespace placard {

class FeedPoller {
  public:
    explicit FeedPoller(FeedUpdater updater);
    ~FeedPoller();  // Stops and joins.
    FeedPoller(const FeedPoller&) = delete;
    FeedPoller& operator=(const FeedPoller&) = delete;
    // Polls at once (a studio's "refresh" command), then on the usual schedule.
    void poll_now() { thread_.step_now(); }

  private:
    FeedUpdater updater_;
    PeriodicThread thread_;  // Last: stopped before the updater it uses is destroyed.
};

// Logs an outcome the way the player and `placard-tool fetch` both do.
void log_update_outcome(const UpdateOutcome& outcome);

}  // namespace placard
