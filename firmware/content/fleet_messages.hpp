// What screens and the studio say to each other through an MQTT broker (issue 16). The broker
// is the site's and only relays: every message is signed, so a broker, or whoever can publish
// to it, can drop or delay a message but never make, change or redirect one.
//
// Topics, one level per screen, named by the screen's public key (hex):
//   placard/v1/KEY/status    the screen's status report (as POSTed over HTTP), QoS 1
//   placard/v1/KEY/online    the online flag: retained, QoS 1, and the screen's last will, so
//                            a screen whose power is cut is seen offline without waiting
//   placard/v1/KEY/commands  the studio's signed commands for the screen (screen_command.hpp),
//                            QoS 1, not retained
//   placard/v1/studio/online the studio's online flag (below), signed by the studio's key
// A screen's messages are its signature line and the signed text:
//   "ed25519 KEY SIGNATURE\n" + TEXT
#pragma once

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

#include "content/signed_manifest.hpp"

namespace placard {

inline constexpr std::string_view kFleetTopicRoot = "placard/v1/";
// The studio's own online flag, signed by its key (the key screens trust), retained, and its
// will: screens report through the broker only while the studio is there to take them.
inline constexpr std::string_view kStudioTopicLevel = "studio";
std::string studio_online_topic();

// "placard/v1/KEY/WHAT".
std::string fleet_topic(std::string_view key_hex, std::string_view what);
// The key level and the last level of a fleet topic; nullopt for any other topic.
struct FleetTopic {
    std::string key, what;
};
std::optional<FleetTopic> parse_fleet_topic(std::string_view topic);

// "ed25519 KEY SIGNATURE\n" + text.
std::string signed_message(std::string_view text, const SigningKey& key);
// The signature line (without its newline) and the text; nullopt when there is no line.
struct SignedMessage {
    std::string_view signature, text;
};
std::optional<SignedMessage> split_signed_message(std::string_view message);

// The online flag's text: {"placard_online":1,"key":…,"online":…,"session":…,"sent":…}. A
// session is one run of the screen's connection; the studio believes an "offline" only for the
// session it last saw online, so an old flag replayed cannot mark a live screen offline.
std::string online_flag_text(std::string_view key_hex, bool online, std::string_view session,
                             std::time_t sent);
struct OnlineFlag {
    bool online = false;
    std::string session;
    std::time_t sent = 0;
};
// Nullopt unless `text` is an online flag of the screen `key_hex`.
std::optional<OnlineFlag> parse_online_flag(std::string_view text, std::string_view key_hex);

}  // namespace placard
