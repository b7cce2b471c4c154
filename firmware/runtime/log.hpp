// One-line log messages on standard error ("placard: error: feed.json: version: missing"), which
// systemd's journal keeps on the board. Thread-safe.
#pragma once

#include <string_view>

namespace placard {

enum class LogLevel { Info, Warning, Error };

void log_message(LogLevel level, std::string_view message);
inline void log_info(std::string_view message) {
    log_message(LogLevel::Info, message);
}
inline void log_warning(std::string_view message) {
    log_message(LogLevel::Warning, message);
}
inline void log_error(std::string_view message) {
    log_message(LogLevel::Error, message);
}
// Sets the program name printed before each message.
void set_log_program(std::string_view name);
// Info messages are printed only when verbose; warnings and errors always.
void set_log_verbose(bool verbose);

}  // namespace placard
