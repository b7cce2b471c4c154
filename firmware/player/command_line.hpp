// The player's command line (ARCHITECTURE.md, "Command-line contracts"):
//
//   placard --content DIR [--size WxH] [--rotate 0|90|180|270] [--windowed]
//   placard --content DIR --size WxH --at SECONDS --screenshot OUT.png [--input SCRIPT]
//           [--open-article ID]
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace placard {

struct PlayerOptions {
    std::string content_dir;    // Empty: the bundled demo.
    int width = 0, height = 0;  // 0: the panel's size (1920×1080 for screenshots).
    int rotation = 0;
    bool windowed = false;
    std::optional<double> at_s;
    std::string screenshot;
    std::string input_script;
    std::string open_article;  // For a screenshot: this article's screen, opened at t = 0.
    // For a screenshot: what a screen in this group shows (core/audience.hpp); else everything.
    std::optional<std::string> group;
    std::string config;  // Empty: /etc/placard/placard.conf when it exists.
    bool quiet = false;
    bool help = false;
};

Result<PlayerOptions> parse_player_options(const std::vector<std::string>& arguments);
std::string player_usage();

// Parses "1920x1080" (also "1920×1080"); sizes from 16 to 8192 pixels.
bool parse_size(const std::string& text, int& width, int& height);

}  // namespace placard
