// The content service's main: the device's only writer of the store, a process of its own beside
// the player (placard-content.service runs it as `placard-tool serve`). It polls the feed, takes
// signed bundles from the inbox (and so from USB sticks) and from the upload endpoint, all
// through content/'s one pipeline into the store whose current version the player shows, and
// keeps network-facing code out of the process that holds the display and input devices.
#pragma once

#include <string>

namespace placard {

// Runs until SIGTERM or SIGINT; returns the process exit code (1 when the configuration gives
// it nothing to do or something cannot start, with a one-line reason logged).
int run_content_service(const std::string& config_path);

}  // namespace placard
