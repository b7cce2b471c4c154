#include "runtime/periodic_thread.hpp"

#include <utility>

namespace placard {

void PeriodicThread::start(std::chrono::duration<double> first_wait, Step step) {
    thread_ = std::thread([this, first_wait, step = std::move(step)] {
        std::unique_lock lock(mutex_);
        auto wait = first_wait;
        while (true) {
            wake_.wait_for(lock, wait, [this] { return stopping_ || step_now_; });
            if (stopping_) {
                break;
            }
            step_now_ = false;
            lock.unlock();
            wait = step();
            lock.lock();
        }
    });
}

void PeriodicThread::step_now() {
    {
        std::lock_guard lock(mutex_);
        step_now_ = true;
    }
    wake_.notify_all();
}

void PeriodicThread::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

}  // namespace placard
