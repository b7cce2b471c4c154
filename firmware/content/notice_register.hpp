// The notices a screen has taken (STORE/notices.json): the newest signed notice of each id,
// written by the content service under the store lock, read by the player (which never writes
// it). A notice file (a bundle signed as "kind notice", holding one notice.json) arrives through
// the inbox, a USB stick or an upload like any bundle, and ends here instead of in a version.
//
//     {"notices": [{"notice": {…notice.json…}, "keep_until": "2026-11-27T02:00:00Z",
//                   "source": "bundle drill.placard", "received": "2026-11-27T09:00:01+08:00"}]}
//
// Replay: a notice not newer (by `issued`) than the one taken for its id is refused — an old
// "urgent" notice copied off a stick cannot come back, nor can a cancelled one. An entry is kept
// until both the notice and its signature have expired (keep_until); after that, the signature
// check refuses the old file by itself. At most kMaxRegisteredNotices ids are kept.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "content/content_store.hpp"
#include "content/signed_manifest.hpp"
#include "content/staged_update.hpp"
#include "core/notice.hpp"

namespace placard {

inline constexpr std::size_t kMaxRegisteredNotices = 64;

struct RegisteredNotice {
    Notice notice;
    std::string json;  // notice.json as signed, to write back unchanged.
    std::time_t keep_until = 0;
    std::string source;    // "bundle drill.placard"
    std::string received;  // RFC 3339.
};

std::filesystem::path notice_register_file(const ContentStore& store);

// The register's notices; an absent or damaged file reads as none (it is never worth stopping
// the player for), and each entry that does not parse is skipped.
std::vector<RegisteredNotice> load_notice_register(const std::filesystem::path& file);

// Takes a verified notice (`manifest` signed as a notice, `notice_json` its notice.json) into
// the register under the store lock: Taken, Unchanged (the same notice again) or Refused (not
// newer than the one taken, already expired, for another site, the register full). `now` in
// unix seconds. Refusals are recorded in status.json like a bundle's.
UpdateOutcome take_notice(const ContentStore& store, const Manifest& manifest,
                          const std::string& notice_json, const TrustPolicy& policy,
                          std::time_t now, std::string_view origin, std::string_view source);

}  // namespace placard
