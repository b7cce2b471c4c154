#include "app/log.hpp"

#include <cstdio>
#include <mutex>
#include <string>

namespace placard {
namespace {
std::mutex log_mutex;
std::string program = "placard";
bool verbose_logging = true;
}  // namespace

void set_log_program(std::string_view name) {
    std::lock_guard lock(log_mutex);
    program = name;
}

void set_log_verbose(bool verbose) {
    std::lock_guard lock(log_mutex);
    verbose_logging = verbose;
}

void log_message(LogLevel level, std::string_view message) {
    std::lock_guard lock(log_mutex);
    if (level == LogLevel::Info && !verbose_logging) {
        return;
    }
    const char* label = level == LogLevel::Info      ? "info"
                        : level == LogLevel::Warning ? "warning"
                                                     : "error";
    std::fprintf(stderr, "%s: %s: %.*s\n", program.c_str(), label, static_cast<int>(message.size()),
                 message.data());
    std::fflush(stderr);
}

}  // namespace placard
