// Warnings about what strangers send (forged commands on a broker, messages too large, reports
// signed by the wrong key) at most a few lines a minute: however fast someone publishes, the
// log — and the disk under it — grows by a line a minute, with the count of what was not said.
// Not thread-safe: one per thread, or under the caller's lock.
#pragma once

#include <chrono>
#include <string>

#include "runtime/log.hpp"

namespace placard {

class LogAllowance {
  public:
    enum class Level { Info, Warning };
    explicit LogAllowance(long lines_a_minute = 5, Level level = Level::Warning)
        : allowance_(lines_a_minute), level_(level) {}

    void warn(const std::string& line) { say(line); }
    void say(const std::string& line) {
        const auto now = std::chrono::steady_clock::now();
        if (now - minute_began_ >= std::chrono::minutes(1)) {
            if (count_ > allowance_) {
                write("… and " + std::to_string(count_ - allowance_) +
                      " more like it in the last minute");
            }
            minute_began_ = now;
            count_ = 0;
        }
        if (++count_ <= allowance_) {
            write(line);
        }
    }

  private:
    void write(const std::string& line) const {
        if (level_ == Level::Warning) {
            log_warning(line);
        } else {
            log_info(line);
        }
    }

    long allowance_;
    Level level_;
    long count_ = 0;
    std::chrono::steady_clock::time_point minute_began_{};
};

}  // namespace placard
