// What the studio asked of the player (issue 16), passed on by the content service once it has
// checked the studio's signed command (screen_command.hpp): STORE/screen-requests.json, written
// by the service (the store's one writer), read by the player, which never writes the store.
//
//     {"screenshot": "<nonce>", "restart": "<nonce>",
//      "display": "on" | "off", "display_nonce": "<nonce>", "display_at": <unix seconds>,
//      "group": "<the screen's group>", "group_at": <unix seconds>}
//
// Each request is the nonce of the command behind it: the player acts on a nonce it has not seen
// before, and takes those present when it starts as seen — a restart request is carried out
// once, not at every start after it. The display request is a state, not an act: a player
// (re)started takes it up again for as long as it lasts (core/screen_hours.hpp, override_until
// from display_at). So is the group (core/audience.hpp): what the screen shows is cut for it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "content/content_store.hpp"
#include "core/result.hpp"

namespace placard {

struct ScreenRequests {
    std::string screenshot;  // Send a screenshot of what the panel shows.
    std::string restart;     // Quit, for systemd (Restart=always) to start the player again.
    std::string display;     // "on", "off" (开屏 / 关屏), or "" for none.
    std::string display_nonce;
    std::int64_t display_at = 0;  // When the studio signed the command (unix seconds).
    std::string group;            // The screen's group in the studio; "" for none.
    std::int64_t group_at = 0;    // When the studio signed the group command.
};

std::filesystem::path screen_requests_file(const ContentStore& store);
// Nothing asked when the file is missing or unreadable.
ScreenRequests load_screen_requests(const std::filesystem::path& file);
Status save_screen_requests(const std::filesystem::path& file, const ScreenRequests& requests);

}  // namespace placard
