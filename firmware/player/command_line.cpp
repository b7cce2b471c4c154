#include "player/command_line.hpp"

#include <cmath>
#include <cstdlib>

namespace placard {

bool parse_size(const std::string& text, int& width, int& height) {
    std::size_t separator = text.find('x');
    std::size_t separator_length = 1;
    if (separator == std::string::npos) {
        separator = text.find("×");
        separator_length = std::string("×").size();
    }
    if (separator == std::string::npos || separator == 0) {
        return false;
    }
    const std::string w = text.substr(0, separator), h = text.substr(separator + separator_length);
    const auto number = [](const std::string& digits, int& out) {
        if (digits.empty() || digits.size() > 5 ||
            digits.find_first_not_of("0123456789") != std::string::npos) {
            return false;
        }
        out = std::atoi(digits.c_str());
        return out >= 16 && out <= 8192;
    };
    return number(w, width) && number(h, height);
}

std::string player_usage() {
    return "usage: placard [--content DIR] [--size WxH] [--rotate 0|90|180|270] [--windowed]\n"
           "       placard [--content DIR] --size WxH --at SECONDS --screenshot OUT.png"
           " [--input SCRIPT] [--open-article ID] [--group NAME]\n"
           "Plays the content bundle in DIR (DIR/feed.json + DIR/media/...), fullscreen;\n"
           "without --content, the bundled demo. With --screenshot, renders what the screen\n"
           "shows at virtual time SECONDS to a PNG file, without a display.\n"
           "  --config FILE  device configuration (default /etc/placard/placard.conf): with a\n"
           "                 feed_url, the player pulls the feed and shows the store's current\n"
           "                 version\n"
           "  --open-article ID  the screenshot shows article ID's screen, opened at time 0\n"
           "                 (as Placard Studio's preview does)\n"
           "  --group NAME   the screenshot shows what a screen in group NAME shows (items\n"
           "                 with \"groups\" for other groups left out); without, everything\n"
           "  --quiet        print only warnings and errors\n";
}

Result<PlayerOptions> parse_player_options(const std::vector<std::string>& arguments) {
    PlayerOptions options;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& option = arguments[i];
        const auto value = [&]() -> Result<std::string> {
            if (i + 1 >= arguments.size() || arguments[i + 1].empty()) {
                return make_error(option + " needs a value");
            }
            return arguments[++i];
        };
        if (option == "--help" || option == "-h") {
            options.help = true;
        } else if (option == "--windowed") {
            options.windowed = true;
        } else if (option == "--quiet") {
            options.quiet = true;
        } else if (option == "--content" || option == "--size" || option == "--rotate" ||
                   option == "--at" || option == "--screenshot" || option == "--input" ||
                   option == "--config" || option == "--open-article" || option == "--group") {
            auto text = value();
            if (!text) {
                return text.error();
            }
            if (option == "--content") {
                options.content_dir = *text;
            } else if (option == "--size") {
                if (!parse_size(*text, options.width, options.height)) {
                    return make_error("--size: \"" + *text +
                                      "\" is not a size like 1920x1080 (16..8192 pixels)");
                }
            } else if (option == "--rotate") {
                if (*text != "0" && *text != "90" && *text != "180" && *text != "270") {
                    return make_error("--rotate: \"" + *text + "\" is not 0, 90, 180 or 270");
                }
                options.rotation = std::atoi(text->c_str());
            } else if (option == "--at") {
                char* end = nullptr;
                const double seconds = std::strtod(text->c_str(), &end);
                if (end != text->c_str() + text->size() || !std::isfinite(seconds) || seconds < 0 ||
                    seconds > 1e7) {
                    return make_error("--at: \"" + *text + "\" is not a time in seconds");
                }
                options.at_s = seconds;
            } else if (option == "--screenshot") {
                options.screenshot = *text;
            } else if (option == "--config") {
                options.config = *text;
            } else if (option == "--open-article") {
                options.open_article = *text;
            } else if (option == "--group") {
                options.group = *text;
            } else {
                options.input_script = *text;
            }
        } else {
            return make_error("unknown option \"" + option + "\" (see placard --help)");
        }
    }
    if (options.at_s.has_value() != !options.screenshot.empty()) {
        return make_error("--at and --screenshot go together");
    }
    if (!options.input_script.empty() && options.screenshot.empty()) {
        return make_error("--input replays a script for a --screenshot");
    }
    if (!options.open_article.empty() && options.screenshot.empty()) {
        return make_error("--open-article is for a --screenshot");
    }
    if (options.group && options.screenshot.empty()) {
        return make_error("--group is for a --screenshot (a screen's group comes from the studio)");
    }
    return options;
}

}  // namespace placard
