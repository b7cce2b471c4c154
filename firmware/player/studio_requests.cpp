#include "player/studio_requests.hpp"

#include "runtime/log.hpp"

namespace placard {

StudioRequests::StudioRequests(std::filesystem::path file)
    : file_(std::move(file)), seen_(load_screen_requests(file_)) {}

StudioRequests::~StudioRequests() {
    thread_.stop();
}

void StudioRequests::start(std::chrono::milliseconds interval) {
    thread_.start(interval, [this, interval] {
        look();
        return interval;
    });
}

void StudioRequests::look() {
    const ScreenRequests now = load_screen_requests(file_);
    std::lock_guard lock(mutex_);
    if (!now.screenshot.empty() && now.screenshot != seen_.screenshot) {
        screenshot_ = now.screenshot;
        log_info("the studio asks for a screenshot");
    }
    if (!now.restart.empty() && now.restart != seen_.restart) {
        restart_ = true;
        log_info("the studio asks the player to restart");
    }
    seen_ = now;
    waiting_ = !screenshot_.empty() || restart_;
}

std::string StudioRequests::take_screenshot() {
    if (!waiting_) {
        return {};
    }
    std::lock_guard lock(mutex_);
    waiting_ = restart_;
    return std::exchange(screenshot_, std::string());
}

bool StudioRequests::take_restart() {
    if (!waiting_) {
        return false;
    }
    std::lock_guard lock(mutex_);
    waiting_ = !screenshot_.empty();
    return std::exchange(restart_, false);
}

}  // namespace placard
