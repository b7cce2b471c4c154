#include "core/input_script.hpp"

#include <cmath>
#include <cstdlib>
#include <sstream>

namespace placard {
namespace {

bool parse_number(const std::string& word, double& out) {
    char* end = nullptr;
    out = std::strtod(word.c_str(), &end);
    return !word.empty() && end == word.c_str() + word.size() && std::isfinite(out);
}

}  // namespace

Result<std::vector<InputEvent>> parse_input_script(std::string_view text, std::string_view origin) {
    std::vector<InputEvent> events;
    std::size_t line_number = 0;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string line(text.substr(start, end - start));
        start = end + 1;
        ++line_number;
        if (const auto hash = line.find('#'); hash != std::string::npos) {
            line.resize(hash);
        }
        std::istringstream words(line);
        std::vector<std::string> fields;
        for (std::string word; words >> word;) {
            fields.push_back(word);
        }
        if (fields.empty()) {
            continue;
        }
        const std::string where = std::string(origin) + ":" + std::to_string(line_number) + ": ";
        InputEvent event;
        if (!parse_number(fields[0], event.at_s) || event.at_s < 0) {
            return make_error(where + "\"" + fields[0] + "\" is not a time in seconds");
        }
        if (!events.empty() && event.at_s < events.back().at_s) {
            return make_error(where + "time goes backwards");
        }
        std::size_t expected = 0;
        if (fields.size() < 2) {
            return make_error(where + "missing action (tap, swipe or drag)");
        } else if (fields[1] == "tap") {
            event.action = InputEvent::Action::Tap;
            expected = 2;
        } else if (fields[1] == "swipe") {
            event.action = InputEvent::Action::Swipe;
            expected = 5;
        } else if (fields[1] == "drag") {
            event.action = InputEvent::Action::Drag;
            expected = 5;
        } else {
            return make_error(where + "unknown action \"" + fields[1] +
                              "\" (expected tap, swipe or drag)");
        }
        if (fields.size() != 2 + expected) {
            return make_error(where + fields[1] + " takes " + std::to_string(expected) +
                              " numbers, got " + std::to_string(fields.size() - 2));
        }
        double numbers[5] = {0, 0, 0, 0, 0};
        for (std::size_t k = 0; k < expected; ++k) {
            if (!parse_number(fields[2 + k], numbers[k])) {
                return make_error(where + "\"" + fields[2 + k] + "\" is not a number");
            }
        }
        event.x0 = numbers[0];
        event.y0 = numbers[1];
        if (expected == 5) {
            event.x1 = numbers[2];
            event.y1 = numbers[3];
            event.duration_s = numbers[4];
            if (event.duration_s <= 0) {
                return make_error(where + "duration must be positive");
            }
        } else {
            event.x1 = event.x0;
            event.y1 = event.y0;
        }
        events.push_back(event);
    }
    return events;
}

}  // namespace placard
