#include "app/frame_stats.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

namespace placard {

void FrameStats::record(double milliseconds, long long pixels) {
    durations_[count_ % kKept] = static_cast<float>(milliseconds);
    ++count_;
    pixels_ += pixels;
}

std::string FrameStats::summary() const {
    const std::size_t kept = std::min(count_, kKept);
    std::vector<float> sorted(durations_.begin(), durations_.begin() + static_cast<long>(kept));
    std::sort(sorted.begin(), sorted.end());
    const auto at = [&](double q) {
        return sorted.empty()
                   ? 0.0f
                   : sorted[std::min(kept - 1,
                                     static_cast<std::size_t>(q * static_cast<double>(kept)))];
    };
    char text[256];
    std::snprintf(text, sizeof text,
                  "frames=%zu p50=%.2fms p99=%.2fms max=%.2fms pixels/frame=%lld rss=%ldMB "
                  "peak_rss=%ldMB",
                  count_, at(0.5), at(0.99), sorted.empty() ? 0.0f : sorted.back(),
                  count_ ? pixels_ / static_cast<long long>(count_) : 0,
                  resident_kilobytes(false) / 1024, resident_kilobytes(true) / 1024);
    return text;
}

long resident_kilobytes(bool peak) {
    std::FILE* status = std::fopen("/proc/self/status", "r");
    if (!status) {
        return 0;
    }
    const char* key = peak ? "VmHWM:" : "VmRSS:";
    char line[256];
    long kilobytes = 0;
    while (std::fgets(line, sizeof line, status)) {
        if (std::strncmp(line, key, std::strlen(key)) == 0) {
            kilobytes = std::strtol(line + std::strlen(key), nullptr, 10);
            break;
        }
    }
    std::fclose(status);
    return kilobytes;
}

}  // namespace placard
