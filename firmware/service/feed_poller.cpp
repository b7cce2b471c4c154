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
    // The first poll at once, then after the updater's delay.
    thread_.start(std::chrono::seconds(0), [this] {
        const UpdateOutcome outcome = updater_.poll_once();
        log_update_outcome(outcome);
        return std::chrono::duration<double>(updater_.next_delay(outcome));
    });
}

FeedPoller::~FeedPoller() {
    thread_.stop();
}

}  // namespace placard
