#include "runtime/periodic_thread.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace placard {
namespace {

using namespace std::chrono_literals;

TEST(PeriodicThread, RunsItsStepAgainAndAgainUntilStopped) {
    std::atomic<int> steps{0};
    PeriodicThread thread;
    thread.start(0s, [&] {
        ++steps;
        return std::chrono::duration<double>(0.001);
    });
    // Waits for three steps, with a deadline far beyond any machine's load.
    for (int i = 0; i < 60'000 && steps < 3; ++i) {
        std::this_thread::sleep_for(1ms);
    }
    thread.stop();  // Joins: no step is under way once it returns.
    EXPECT_GE(steps, 3);
}

// Stopping wakes the wait: a thread waiting an hour is stopped at once (if stop() waited the
// hour out, this test would hang until ctest's timeout and fail).
TEST(PeriodicThread, StoppingDoesNotWaitOutTheInterval) {
    std::atomic<int> steps{0};
    {
        PeriodicThread thread;
        thread.start(1h, [&] {
            ++steps;
            return std::chrono::duration<double>(3600);
        });
    }  // The destructor stops it.
    EXPECT_EQ(steps, 0);
    PeriodicThread never_started;
    never_started.stop();
    never_started.stop();
}

}  // namespace
}  // namespace placard
