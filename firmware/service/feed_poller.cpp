#include "service/feed_poller.hpp"

#include "runtime/log.hpp"

namespace placard {

void log_update_outcome(const UpdateOutcome& outcome) {
    switch (outcome.kind) {
        case UpdateOutcome::Kind::Taken:
            log_info("feed: took version " + std::to_string(outcome.version));
            break;
        case UpdateOutcome::Kind::Unchanged:
            log_info("feed: unchanged");
            break;
        case UpdateOutcome::Kind::Refused:
            log_error("feed refused, the screen keeps the current version: " + outcome.reason());
            break;
    }
}

FeedPoller::FeedPoller(FeedUpdater updater) : updater_(std::move(updater)) {
    thread_ = std::thread([this] { run(); });
}

FeedPoller::~FeedPoller() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void FeedPoller::run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        const UpdateOutcome outcome = updater_.poll_once();
        log_update_outcome(outcome);
        const double delay = updater_.next_delay(outcome);
        lock.lock();
        wake_.wait_for(lock, std::chrono::duration<double>(delay), [this] { return stopping_; });
    }
}

}  // namespace placard
