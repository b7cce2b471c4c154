#include "player/display_power.hpp"

#include <utility>

namespace placard {

DisplayPowerChain::DisplayPowerChain(std::vector<std::unique_ptr<DisplayPowerMethod>> methods)
    : methods_(std::move(methods)) {
    // The black picture is always there, last.
    methods_.push_back(std::make_unique<BlackPicture>());
    asked_off_.assign(methods_.size(), false);
}

DisplayPowerReport DisplayPowerChain::set(bool on) {
    DisplayPowerReport report;
    report.wanted_on = on;
    if (on) {
        // A method whose "off" went through but could not be verified (a TV that went to
        // standby and does not answer) would stay off if only the next method were asked.
        for (std::size_t i = 0; i < methods_.size(); ++i) {
            if (asked_off_[i] && i != working_) {
                (void)methods_[i]->set_power(true);
                asked_off_[i] = false;
            }
        }
    }
    // The method that worked last first, then the others in their order.
    std::vector<std::size_t> order = {working_};
    for (std::size_t i = 0; i < methods_.size(); ++i) {
        if (i != working_) {
            order.push_back(i);
        }
    }
    for (const std::size_t i : order) {
        DisplayPowerMethod& method = *methods_[i];
        if (auto asked = method.set_power(on); !asked) {
            report.problems.push_back(method.name() + ": " + asked.error().message);
            continue;
        }
        asked_off_[i] = !on;
        auto state = method.power_state();
        if (!state) {
            report.problems.push_back(method.name() + ": cannot read the display's state back (" +
                                      state.error().message + ")");
            continue;
        }
        if (*state != on) {
            report.problems.push_back(method.name() + ": the display still reports " +
                                      (*state ? "on" : "off"));
            continue;
        }
        working_ = i;
        report.method = method.name();
        report.display_on = *state;
        return report;
    }
    // Not reached: the black picture always works.
    report.display_on = true;
    return report;
}

DisplayPower::DisplayPower(std::vector<std::unique_ptr<DisplayPowerMethod>> methods)
    : chain_(std::move(methods)), thread_([this] { run(); }) {}

DisplayPower::~DisplayPower() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void DisplayPower::want(bool on) {
    {
        std::lock_guard lock(mutex_);
        wanted_ = on;
    }
    wake_.notify_all();
}

std::optional<DisplayPowerReport> DisplayPower::take_report() {
    std::lock_guard lock(mutex_);
    return std::exchange(report_, std::nullopt);
}

void DisplayPower::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        wake_.wait(lock, [this] { return stopping_ || wanted_.has_value(); });
        if (stopping_) {
            return;
        }
        const bool on = *wanted_;
        wanted_.reset();
        lock.unlock();
        DisplayPowerReport report = chain_.set(on);
        lock.lock();
        report_ = std::move(report);
    }
}

std::vector<DisplayPowerReport> DisplayPower::test_cycle(DisplayPowerChain& chain) {
    return {chain.set(false), chain.set(true)};
}

}  // namespace placard
