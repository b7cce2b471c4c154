#include "player/frame_stats.hpp"

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

void FrameStats::record_input_latency(double milliseconds) {
    latencies_[latency_count_ % latencies_.size()] = static_cast<float>(milliseconds);
    ++latency_count_;
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
    const std::size_t latencies = std::min(latency_count_, latencies_.size());
    std::vector<float> sorted_latency(latencies_.begin(),
                                      latencies_.begin() + static_cast<long>(latencies));
    std::sort(sorted_latency.begin(), sorted_latency.end());
    char latency[96] = "";
    if (latencies > 0) {
        std::snprintf(latency, sizeof latency, " input_to_photon_p50=%.2fms max=%.2fms",
                      sorted_latency[latencies / 2], sorted_latency.back());
    }
    char text[384];
    std::snprintf(text, sizeof text,
                  "frames=%zu p50=%.2fms p99=%.2fms max=%.2fms pixels/frame=%lld rss=%ldMB "
                  "peak_rss=%ldMB%s",
                  count_, at(0.5), at(0.99), sorted.empty() ? 0.0f : sorted.back(),
                  count_ ? pixels_ / static_cast<long long>(count_) : 0,
                  resident_kilobytes(false) / 1024, resident_kilobytes(true) / 1024, latency);
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
