// A thread that does a step of work, waits, and does it again until it is stopped: the feed
// poller, the content watcher and the import notices each are one. The wait is on a condition
// variable, so stopping never waits out an interval (the service stops within systemd's
// timeout, the player quits at once); a step under way is finished first.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace placard {

class PeriodicThread {
  public:
    // One round of work; returns how long to wait before the next.
    using Step = std::function<std::chrono::duration<double>()>;

    PeriodicThread() = default;
    ~PeriodicThread() { stop(); }
    PeriodicThread(const PeriodicThread&) = delete;
    PeriodicThread& operator=(const PeriodicThread&) = delete;

    // Runs `step` on a new thread after `first_wait`, then again after each wait it returns.
    void start(std::chrono::duration<double> first_wait, Step step);
    // Ends the wait under way: the next step starts at once (after the one under way, if any).
    void step_now();
    // Wakes the thread and joins it. Safe to call twice, or without start().
    void stop();

  private:
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool step_now_ = false;
    std::thread thread_;
};

}  // namespace placard
