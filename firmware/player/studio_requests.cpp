#include "player/studio_requests.hpp"

#include "runtime/log.hpp"

namespace placard {

StudioRequests::StudioRequests(std::filesystem::path file)
    : file_(std::move(file)), seen_(load_screen_requests(file_)) {
    if (!seen_.display.empty()) {
        display_ = seen_;  // A state: taken up again at every start, while it lasts.
        waiting_ = true;
    }
}

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
    if (!now.display.empty() && now.display_nonce != seen_.display_nonce) {
        display_ = now;
        log_info("the studio asks to turn the display " + now.display);
    }
    if (now.group != seen_.group) {
        group_ = now.group;
        log_info("the studio puts this screen in group \"" + now.group + "\"");
    }
    seen_ = now;
    waiting_ = !screenshot_.empty() || restart_ || display_ || group_;
}

std::string StudioRequests::take_screenshot() {
    if (!waiting_) {
        return {};
    }
    std::lock_guard lock(mutex_);
    waiting_ = restart_ || display_ || group_;
    return std::exchange(screenshot_, std::string());
}

bool StudioRequests::take_restart() {
    if (!waiting_) {
        return false;
    }
    std::lock_guard lock(mutex_);
    waiting_ = !screenshot_.empty() || display_ || group_;
    return std::exchange(restart_, false);
}

std::optional<ScreenRequests> StudioRequests::take_display() {
    if (!waiting_) {
        return std::nullopt;
    }
    std::lock_guard lock(mutex_);
    waiting_ = !screenshot_.empty() || restart_ || group_;
    return std::exchange(display_, std::nullopt);
}

void StudioRequests::started_with_group(const std::string& group) {
    std::lock_guard lock(mutex_);
    if (seen_.group != group) {
        group_ = seen_.group;
        waiting_ = true;
    }
}

std::optional<std::string> StudioRequests::take_group() {
    if (!waiting_) {
        return std::nullopt;
    }
    std::lock_guard lock(mutex_);
    waiting_ = !screenshot_.empty() || restart_ || display_;
    return std::exchange(group_, std::nullopt);
}

}  // namespace placard
