#include "runtime/log.hpp"

#include <cstdio>
#include <mutex>
#include <string>

#include "core/utf8.hpp"

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
    // Messages quote outside input (archive names, URLs, feed text): one line, nothing that a
    // terminal or journal would take as a control sequence.
    const std::string safe = utf8::escape_for_message(message);
    std::fprintf(stderr, "%s: %s: %s\n", program.c_str(), label, safe.c_str());
    std::fflush(stderr);
}

}  // namespace placard
