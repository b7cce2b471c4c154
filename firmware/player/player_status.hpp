// What the player shows, told to the admin: a small JSON file of the player's own (it never
// writes the store), read by `placard-tool status`. Written when the player starts and when it
// takes a new version — in particular when it shows an older version because the current one
// cannot be shown (ARCHITECTURE.md, "Store": "says so in the log and the status").
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace placard {

struct PlayerStatus {
    std::int64_t version = -1;
    std::string folder;           // The version folder on screen.
    std::string fallback_reason;  // Empty when it shows the store's current version.
    // Screen hours: what they ask for and why ("off (outside screen hours)"), and what the
    // display did ("off, by HDMI-CEC (/dev/cec0)"; "lit, showing a black picture: …").
    std::string screen;
    std::string display;
    // Proof that the player renders (issue 16): when it last presented a frame (RFC 3339; empty
    // before the first) and what each zone shows ("banner b1; excerpt a3"; "article a1";
    // "urgent notice drill"). The file's "at" is refreshed at least every kHeartbeatSeconds,
    // so a status older than that means a player that stopped or hangs.
    std::string last_frame_at;
    std::string showing;
    // The latest screenshot the studio asked for (player_screenshot.hpp): the nonce of its
    // request, when it was taken, and whether the screen was off as scheduled then.
    std::string screenshot;
    std::string screenshot_at;
    bool screenshot_dark = false;
    std::string at;  // When the file was written (read back only).
};

inline constexpr double kHeartbeatSeconds = 10;

// Best effort: a status that cannot be written is logged once, never stops the player.
void write_player_status(const std::filesystem::path& file, const PlayerStatus& status);
// Nothing when there is no (readable) file.
bool read_player_status(const std::filesystem::path& file, PlayerStatus& status);

}  // namespace placard
