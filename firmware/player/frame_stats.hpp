// The player's own measurements (a bench mode that needs no external tool): how long each frame
// took to draw and present, how long until the first frame, and memory. Fixed storage: recording
// a frame allocates nothing.
#pragma once

#include <array>
#include <cstddef>
#include <string>

namespace placard {

class FrameStats {
  public:
    void record(double milliseconds, long long pixels);
    // From an input event to the end of presenting the first frame that reflects it.
    void record_input_latency(double milliseconds);
    // "frames=1200 p50=0.41ms p99=1.9ms max=3.2ms pixels/frame=115200 rss=29MB peak_rss=31MB"
    std::string summary() const;

  private:
    static constexpr std::size_t kKept = 8192;  // The newest frames; older ones are overwritten.
    std::array<float, kKept> durations_{};
    std::size_t count_ = 0;
    long long pixels_ = 0;
    std::array<float, 1024> latencies_{};
    std::size_t latency_count_ = 0;
};

// Resident memory of this process in kilobytes: now, and the peak (VmRSS, VmHWM).
long resident_kilobytes(bool peak);

}  // namespace placard
