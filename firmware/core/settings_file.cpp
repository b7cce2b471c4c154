#include "core/settings_file.hpp"

namespace placard {

std::string_view trim_blanks(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    return text;
}

Status for_each_setting(
    std::string_view text, std::string_view origin, std::string_view shape,
    const std::function<Status(std::string_view, std::string_view, const std::string&)>& take) {
    std::size_t line_number = 0;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++line_number;
        if (const auto hash = line.find('#'); hash != std::string_view::npos) {
            line = line.substr(0, hash);
        }
        line = trim_blanks(line);
        if (line.empty()) {
            continue;
        }
        const std::string where = std::string(origin) + ":" + std::to_string(line_number) + ": ";
        const auto equals = line.find('=');
        if (equals == std::string_view::npos) {
            return make_error(where + "expected " + std::string(shape));
        }
        if (auto taken = take(trim_blanks(line.substr(0, equals)),
                              trim_blanks(line.substr(equals + 1)), where);
            !taken) {
            return taken;
        }
    }
    return Done{};
}

}  // namespace placard
