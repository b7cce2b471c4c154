// The play log (播放日志): what the screen showed and how visitors used it, in SQLite on the
// screen (the player's own file, play_log in the configuration; never the store).
//
//   plays   one row per banner, excerpt or notice shown: zone, id, content version, start (unix
//           seconds), seconds on screen — kept `raw_days` (default 14)
//   hourly  the plays rolled up by hour, zone and id: how many, how long — kept 180 days
//   visits  one row per visitor session: start, seconds, and the screens opened with the
//           seconds on each ("article:a1 35; channel:zgwc 8") — no personal data; kept 180 days
//
// The player queues records in memory and writes them once a minute in one transaction (WAL,
// synchronous=FULL: one fsync a minute), pruning once an hour: a power cut loses at most the
// last minute, and the file stays whole. What is showing is cut at every minute
// (play_recorder.hpp), so a long showing is not lost with it. Records a failed write could not
// keep wait for the next (up to 100 000). The file is bounded (max_bytes): past it, the oldest
// raw plays go first. A damaged file is set aside and a new one started; any other failure to
// open leaves the file alone — the play log never stops the player.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

struct sqlite3;

namespace placard {

struct PlayRecord {
    std::string zone;  // "banner", "excerpt", "notice"
    std::string item;  // The banner's, article's or notice's id.
    std::int64_t version = -1;
    std::int64_t start = 0;  // Unix seconds.
    double seconds = 0;
};

struct VisitRecord {
    std::int64_t start = 0;
    double seconds = 0;
    std::string screens;  // "article:a1 35; channel:zgwc 8"
};

struct HourlyRecord {
    std::int64_t hour = 0;  // Unix seconds at the start of the hour.
    std::string zone, item;
    std::int64_t plays = 0;
    double seconds = 0;
};

struct PlayLogLimits {
    int raw_days = 14;
    int kept_days = 180;
    std::int64_t max_bytes = 64LL * 1024 * 1024;
};

class PlayLog {
  public:
    // Opens (or makes) the log at `file`; a damaged file is moved aside to FILE.damaged.
    static Result<std::unique_ptr<PlayLog>> open(const std::filesystem::path& file,
                                                 PlayLogLimits limits = {});
    // Opens an existing log to read it (`placard-tool plays`, the USB export), read-only:
    // creates, moves and prunes nothing, and reads while the player writes.
    static Result<std::unique_ptr<PlayLog>> open_existing(const std::filesystem::path& file);
    ~PlayLog();
    PlayLog(const PlayLog&) = delete;
    PlayLog& operator=(const PlayLog&) = delete;

    // Queue a record (any thread; no I/O).
    void record(PlayRecord play);
    void record(VisitRecord visit);
    // Writes what is queued in one transaction, rolls it up by hour and prunes what is older
    // than the limits, as of `now` (unix seconds). Returns the rows written.
    Result<std::size_t> flush(std::int64_t now);

    // What the log holds, for `placard-tool plays`: from `since` (unix seconds) on.
    Result<std::vector<PlayRecord>> plays_since(std::int64_t since);
    Result<std::vector<VisitRecord>> visits_since(std::int64_t since);
    Result<std::vector<HourlyRecord>> hourly_since(std::int64_t since);
    // The file's size in bytes (pages in use, WAL excluded).
    std::int64_t size_bytes();

  private:
    PlayLog(sqlite3* db, PlayLogLimits limits) : db_(db), limits_(limits) {}
    Status execute(const char* sql);
    Status prune(std::int64_t now);
    Result<std::size_t> write(const std::vector<PlayRecord>& plays,
                              const std::vector<VisitRecord>& visits, std::int64_t now);
    void requeue(std::vector<PlayRecord> plays, std::vector<VisitRecord> visits);

    static constexpr std::size_t kMostQueued = 100000;

    sqlite3* db_;
    PlayLogLimits limits_;
    std::int64_t last_pruned_hour_ = INT64_MIN;
    std::mutex mutex_;  // For the queues.
    std::vector<PlayRecord> plays_;
    std::vector<VisitRecord> visits_;
};

}  // namespace placard
