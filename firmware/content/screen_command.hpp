// Commands from Placard Studio to one screen (issue 16): refresh content now (which is how an
// urgent notice, published in the feed, reaches a screen at once), display on or off, restart
// the player, send a screenshot, and put the screen in a group (its "group" field: what it shows
// is then cut for that group, core/audience.hpp). The studio signs each with
// its signing key — the key the screen already trusts for content — so whatever carries it (the
// answer to a status report, an MQTT broker, a proxy) can relay a command but never make,
// redirect or repeat one:
//
//     {"command": "{\"placard_command\":1,\"action\":\"refresh\",\"screen\":\"<key hex>\",
//                   \"nonce\":\"<32 hex>\",\"issued\":\"…Z\",\"expires\":\"…Z\"}",
//      "signature": "ed25519 STUDIO-KEY-HEX SIGNATURE-HEX"}
//
// The signature covers the command's exact text. A screen takes a command only when it is
// signed by a trusted key, names this screen's own key, has not expired (and was not signed for
// longer than kLongestCommandSeconds), and its nonce has not been taken before (CommandNonces).
#pragma once

#include <cstddef>
#include <ctime>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "content/signed_manifest.hpp"
#include "core/result.hpp"

namespace placard {

enum class CommandAction { Refresh, Screenshot, DisplayOn, DisplayOff, Restart, Group };
// "refresh", "screenshot", "display-on", "display-off", "restart", "group".
std::string_view command_action_name(CommandAction action);
bool parse_command_action(std::string_view name, CommandAction& action);

struct ScreenCommand {
    CommandAction action = CommandAction::Refresh;
    std::string screen;  // The screen's public key, hex.
    std::string nonce;   // 32 lower-case hex digits, never used twice.
    std::time_t issued = 0;
    std::time_t expires = 0;
    std::string group;  // For "group": the screen's group in the studio ("" for none).
};

// A command is signed for at most an hour: a screen remembers nonces that long.
inline constexpr std::time_t kLongestCommandSeconds = 3600;

// A new command for `screen` with a fresh random nonce, good from `now` for `lifetime` seconds.
ScreenCommand new_screen_command(CommandAction action, std::string screen, std::time_t now,
                                 std::time_t lifetime = 600);
// The envelope above, as JSON text.
std::string sign_screen_command(const ScreenCommand& command, const SigningKey& key);

// The nonces a screen has taken, kept until their command expires (at most kMostNonces), in a
// file of the content service's so that a restart does not open a replay window. Like the
// notice register, it remembers the latest time it was used at: a board whose clock comes back
// from a power cut at an earlier time judges expiry by that, so nothing forgotten is replayable.
class CommandNonces {
  public:
    static constexpr std::size_t kMostNonces = 4096;
    // `file` empty: in memory only (tests). An unreadable file starts empty.
    explicit CommandNonces(std::filesystem::path file);
    // Takes `nonce` (good until `expires`) as of `now`; Stale when it was taken before,
    // Failed when the register is full of unexpired nonces or cannot be kept.
    Status take(const std::string& nonce, std::time_t expires, std::time_t now);
    // Whether `nonce` was taken (and has not expired since).
    bool taken(const std::string& nonce);

  private:
    std::filesystem::path file_;
    std::mutex mutex_;
    std::map<std::string, std::time_t> nonces_;
    std::time_t clock_ = 0;
};

// What a screen signs when it sends the screenshot a command asked for: the command's nonce,
// then the PNG's bytes ("placard-screenshot NONCE\n" + PNG).
std::string screenshot_signed_text(std::string_view nonce, std::string_view png);

// Checks an envelope (JSON text) as described above and takes its nonce; `own_key` is this
// screen's public key (hex). Every refusal says why, prefixed by `origin`. `authentic`, when
// given, gets the command whenever its signature is good and it names this screen, even when it
// is then refused (expired, taken before): the refusal can then be told to the studio by nonce.
Result<ScreenCommand> verify_screen_command(
    std::string_view envelope, const std::vector<std::array<unsigned char, 32>>& trusted,
    std::string_view own_key, std::time_t now, CommandNonces& nonces, std::string_view origin,
    ScreenCommand* authentic = nullptr);

}  // namespace placard
