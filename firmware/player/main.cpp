// placard: the signage player. See player_usage() and ARCHITECTURE.md's command-line contract.
#include <cstdio>
#include <string>
#include <vector>

#include "player/command_line.hpp"
#include "player/player.hpp"
#include "runtime/log.hpp"

int main(int argc, char** argv) {
    const std::vector<std::string> arguments(argv + 1, argv + argc);
    auto options = placard::parse_player_options(arguments);
    if (!options) {
        placard::log_error(options.error().message);
        return 2;
    }
    if (options->help) {
        std::fputs(placard::player_usage().c_str(), stdout);
        return 0;
    }
    placard::set_log_verbose(!options->quiet);
    if (!options->screenshot.empty()) {
        return placard::render_screenshot(*options);
    }
    return placard::run_player(*options);
}
