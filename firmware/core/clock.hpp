// Every animation, schedule and timeout reads a Clock (ARCHITECTURE.md, "Time").
//
// Production uses SteadyClock; screenshots, tests and soak runs use VirtualClock, so what is on
// screen at t = 37.5 s is a deterministic function of content, input and t.
#pragma once

#include <chrono>

#include "core/wall_time.hpp"

namespace placard {

class Clock {
  public:
    virtual ~Clock() = default;
    // Seconds since the player started.
    virtual double seconds() const = 0;
    // The wall-clock time now, for the header's date and clock.
    virtual WallTime wall_time() const = 0;
};

class SteadyClock final : public Clock {
  public:
    SteadyClock() : start_(std::chrono::steady_clock::now()) {}
    double seconds() const override {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }
    WallTime wall_time() const override { return system_wall_time(); }

  private:
    std::chrono::steady_clock::time_point start_;
};

class VirtualClock final : public Clock {
  public:
    explicit VirtualClock(WallTime start) : start_(start) {}
    void set(double seconds) { now_ = seconds; }
    double seconds() const override { return now_; }
    WallTime wall_time() const override { return start_.plus_seconds(now_); }

  private:
    WallTime start_;
    double now_ = 0;
};

}  // namespace placard
