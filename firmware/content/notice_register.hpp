// The notices a screen has taken (STORE/notices.json): the newest signed notice of each id,
// written by the content service under the store lock, read by the player (which never writes
// it). A notice file (a bundle signed as "kind notice", holding one notice.json) arrives through
// the inbox, a USB stick or an upload like any bundle, and ends here instead of in a version.
//
//     {"clock": "2026-11-27T01:00:01Z",
//      "notices": [{"notice": {…notice.json…}, "keep_until": "2026-11-27T02:00:00Z",
//                   "source": "bundle drill.placard", "received": "2026-11-27T09:00:01+08:00"}]}
//
// Replay: a notice not newer (by `issued`) than the one taken for its id is refused — an old
// "urgent" notice copied off a stick cannot come back, nor can a cancelled one. An entry is kept
// until both the notice and its signature have expired (keep_until); after that, the signature
// check refuses the old file by itself. At most kMaxRegisteredNotices ids are kept. "clock" is
// the latest time the register was written at: a board without a battery clock that comes back
// from a power cut at an earlier time judges expiry by that, not by its clock, so that nothing
// already forgotten can be replayed.
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

struct NoticeRegister {
    std::vector<RegisteredNotice> notices;
    std::time_t clock = 0;  // The latest time it was written at.
};

// The register; an absent file is an empty register, each entry that does not parse is skipped,
// and a file that cannot be read (or is not a register) is an error: the writer must not take
// it for empty and drop every notice and its replay protection.
Result<NoticeRegister> load_notice_register(const std::filesystem::path& file);

// Takes a verified notice (`manifest` signed as a notice, `notice_json` its notice.json) into
// the register under the store lock: Taken, Unchanged (the same notice again) or Refused (not
// newer than the one taken, already expired, for another site, the register full). `now` in
// unix seconds. Refusals are recorded in status.json like a bundle's.
UpdateOutcome take_notice(const ContentStore& store, const Manifest& manifest,
                          const std::string& notice_json, const TrustPolicy& policy,
                          std::time_t now, std::string_view origin, std::string_view source);

}  // namespace placard
