// What the board says about itself, for the status report (issue 16): how long it has been up,
// how hot the SoC is and whether the firmware throttles it (Raspberry Pi boards say both; other
// boards may say neither), the free disk under the store, and whether the kernel thinks the
// clock is synchronised (NTP). A fact the board does not give is left out, never guessed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace placard {

struct SystemFacts {
    double uptime_s = 0;
    std::optional<double> soc_celsius;        // /sys/class/thermal/thermal_zone0/temp
    std::optional<std::uint32_t> throttled;   // The Pi firmware's get_throttled bits.
    std::optional<std::uint64_t> free_bytes;  // Free to unprivileged users, under the store.
    std::optional<std::uint64_t> total_bytes;
    std::optional<bool> clock_synchronised;  // adjtimex(2): not TIME_ERROR.
};

// `root` the folder that stands in for /sys and /proc ("/" on a board; a test's folder).
SystemFacts read_system_facts(const std::filesystem::path& store,
                              const std::filesystem::path& root = "/");

// "under-voltage now; throttled now; …" from the firmware's bits (raspberrypi.com's
// documentation of `vcgencmd get_throttled`); empty for 0.
std::string describe_throttled(std::uint32_t bits);

}  // namespace placard
