// The device's configuration file (/etc/placard/placard.conf by default): `key = value` lines,
// '#' comments. Every key is documented in docs/configuration.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace placard {

struct PlayerConfig {
    // Pulling the feed over HTTP(S). Empty feed_url: no network feed.
    std::string feed_url;
    double poll_interval_s = 60;
    double connect_timeout_s = 10;
    double total_timeout_s = 60;
    double max_backoff_s = 900;  // Failures back off exponentially, with jitter, up to this.
    std::size_t max_feed_bytes = 8 * 1024 * 1024;
    std::size_t max_media_bytes = 16 * 1024 * 1024;
    // Seconds without touch after which a visitor's screen returns to the attract loop.
    double idle_timeout_s = 60;
    // Seconds an import notice (新内容已导入, 内容包未导入) stays over the foot of the screen.
    double notice_s = 6;
    // The longest any urgent notice stays on screen, whatever it was signed for
    // (notice_max_minutes): a notice left running does not hold a lobby for days.
    double notice_max_s = 2 * 3600;
    // The panel: its physical width (touch targets are at least 9 mm) and how it is mounted.
    double screen_width_mm = 1210;
    int rotation = 0;
    // Signed bundles: the public keys (64 hex digits each) whose signatures the device takes,
    // and whether it takes unsigned bundles at all (never unless this says so).
    std::vector<std::string> trusted_keys;
    bool allow_unsigned = false;
    // The site this screen belongs to: signatures must name it. Empty: the site the content
    // names itself (its feed's site.name).
    std::string site;
    std::size_t max_bundle_bytes = 256 * 1024 * 1024;
    // The inbox folder the player takes bundles from (the USB import copies into it); empty:
    // none.
    std::string inbox_dir;
    // The upload endpoint: off without a token; loopback unless another address is given.
    std::string upload_token;
    std::string upload_listen = "127.0.0.1:8787";
    // Where content versions are kept; the player shows its current version.
    std::string store_dir = "/var/lib/placard/store";
    // Where the player says what it shows (for `placard-tool status`); it never writes the store.
    std::string player_status = "/run/placard-player/status.json";
    // The play log (SQLite, runtime/play_log.hpp), the player's own file; empty: none. The
    // installed configuration sets /var/lib/placard-player/plays.sqlite.
    std::string play_log;
    // Reporting to Placard Studio (issue 16): the studio's address (its status endpoint is
    // STUDIO/api/screens/report), the name the screen enrols with, how often it reports, and
    // the screen's own signing key (made on first start; the studio pins it when an admin
    // accepts the screen). Empty studio_url: the screen reports to nobody.
    std::string studio_url;
    std::string screen_name;
    double report_interval_s = 30;
    std::string screen_key = "/var/lib/placard/screen.key";
    // The site's MQTT broker (mqtt://[USER[:PASSWORD]@]HOST[:PORT], or mqtts://): reports go
    // there and commands come from there within a second (content/fleet_messages.hpp); the
    // studio_url still takes screenshots, and the reports when the broker is down. Empty: HTTP.
    std::string mqtt_url;
};

// `origin` names the file in messages ("placard.conf:4: ...").
Result<PlayerConfig> parse_player_config(std::string_view text, std::string_view origin);

}  // namespace placard
