#include "service/system_facts.hpp"

#include <sys/statvfs.h>
#include <sys/timex.h>

#include <cstdlib>

#include "core/read_file.hpp"

namespace placard {

namespace {

std::optional<std::string> small_file(const std::filesystem::path& file) {
    auto text = read_file(file, 4096);
    if (!text) {
        return std::nullopt;
    }
    return *text;
}

}  // namespace

SystemFacts read_system_facts(const std::filesystem::path& store,
                              const std::filesystem::path& root) {
    SystemFacts facts;
    if (auto uptime = small_file(root / "proc/uptime")) {
        facts.uptime_s = std::strtod(uptime->c_str(), nullptr);
    }
    // Millidegrees Celsius (Linux thermal sysfs ABI).
    if (auto temperature = small_file(root / "sys/class/thermal/thermal_zone0/temp")) {
        char* end = nullptr;
        const long millidegrees = std::strtol(temperature->c_str(), &end, 10);
        if (end != temperature->c_str()) {
            facts.soc_celsius = static_cast<double>(millidegrees) / 1000.0;
        }
    }
    // Raspberry Pi firmware (raspberrypi-hwmon / the firmware driver): a hex bit field.
    if (auto bits = small_file(root / "sys/devices/platform/soc/soc:firmware/get_throttled")) {
        char* end = nullptr;
        const unsigned long value = std::strtoul(bits->c_str(), &end, 16);
        if (end != bits->c_str()) {
            facts.throttled = static_cast<std::uint32_t>(value);
        }
    }
    struct statvfs disk {};
    if (::statvfs(store.c_str(), &disk) == 0) {
        facts.free_bytes = static_cast<std::uint64_t>(disk.f_bavail) * disk.f_frsize;
        facts.total_bytes = static_cast<std::uint64_t>(disk.f_blocks) * disk.f_frsize;
    }
    if (root == "/") {
        struct timex clock {};
        const int state = ::adjtimex(&clock);
        if (state >= 0) {
            facts.clock_synchronised = state != TIME_ERROR;
        }
    }
    return facts;
}

std::string describe_throttled(std::uint32_t bits) {
    // Bits 0–3: now; 16–19: at some time since boot.
    static constexpr std::pair<std::uint32_t, const char*> kBits[] = {
        {1U << 0, "under-voltage now"},
        {1U << 1, "frequency capped now"},
        {1U << 2, "throttled now"},
        {1U << 3, "soft temperature limit now"},
        {1U << 16, "under-voltage since boot"},
        {1U << 17, "frequency capped since boot"},
        {1U << 18, "throttled since boot"},
        {1U << 19, "soft temperature limit since boot"}};
    std::string text;
    for (const auto& [bit, words] : kBits) {
        if ((bits & bit) != 0) {
            text += (text.empty() ? "" : "; ") + std::string(words);
        }
    }
    return text;
}

}  // namespace placard
