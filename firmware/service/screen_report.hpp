// The status report a screen sends its studio (issue 16), as JSON text:
//
//   {"placard_report": 1, "name": "一楼大厅", "key": "<screen key hex>",
//    "sent": "2026-11-28T02:00:00Z", "interval": 30,
//    "content": {"version": 7, "taken_at": …, "last_poll_at": …, "last_error": …, …},
//    "player": {…the player's status.json: version shown, screen, display, last_frame_at,
//               showing, at…} (null when the player has written none),
//    "notices": [{"id": "drill", "level": "urgent", "expires": "…Z"}],
//    "system": {"uptime_s": …, "soc_celsius": …, "throttled": …, "free_bytes": …,
//               "total_bytes": …, "clock_synchronised": …},
//    "plays": [{"hour": …, "zone": "banner", "item": "b1", "plays": 12, "seconds": 96}],
//    "visits": [{"hour": …, "visits": 3, "seconds": 140}],
//    "screenshot": {"nonce": …, "at": …} (when one waits to be fetched)}
//
// The play roll-ups are the last kReportedPlayHours hours, sent again with every report: the
// studio replaces what it had for those hours, so a report that is lost costs nothing.
#pragma once

#include <cstdint>
#include <ctime>
#include <string>

#include "content/content_store.hpp"
#include "core/player_config.hpp"

namespace placard {

inline constexpr int kReportedPlayHours = 3;

// The report for `config`'s screen as of `now`, read from the store, the player's status file,
// the play log and the board. `key_hex` is the screen's public key.
std::string screen_report_json(const PlayerConfig& config, const ContentStore& store,
                               const std::string& name, const std::string& key_hex,
                               std::time_t now);

}  // namespace placard
