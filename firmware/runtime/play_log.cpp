#include "runtime/play_log.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <ctime>
#include <utility>

#include "runtime/log.hpp"
#include "runtime/sqlite_statement.hpp"

namespace placard {
namespace {

// The start of the hour `unix_seconds` falls in (floor division: a time before 1970 too).
std::int64_t hour_of(std::int64_t unix_seconds) {
    const std::int64_t hour =
        unix_seconds >= 0 ? unix_seconds / 3600 : -((-unix_seconds - 1) / 3600) - 1;
    return hour * 3600;
}

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS plays (zone TEXT NOT NULL, item TEXT NOT NULL, "
    "  version INTEGER NOT NULL, start INTEGER NOT NULL, seconds REAL NOT NULL);"
    "CREATE INDEX IF NOT EXISTS plays_by_start ON plays (start);"
    "CREATE TABLE IF NOT EXISTS hourly (hour INTEGER NOT NULL, zone TEXT NOT NULL, "
    "  item TEXT NOT NULL, plays INTEGER NOT NULL, seconds REAL NOT NULL, "
    "  PRIMARY KEY (hour, zone, item)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS visits (start INTEGER NOT NULL, seconds REAL NOT NULL, "
    "  screens TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS visits_by_start ON visits (start);";

Error sqlite_error(sqlite3* db, const std::string& what) {
    return make_error(ErrorKind::Failed, "play log: " + what + ": " + sqlite3_errmsg(db));
}

// A path as an SQLite URI's path (RFC 3986): '%', '?' and '#' would end or change it, so they
// and every byte outside printable ASCII are percent-encoded.
std::string uri_path(const std::filesystem::path& file) {
    std::string encoded;
    for (const char c : std::filesystem::absolute(file).string()) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7f || c == '%' || c == '?' || c == '#') {
            char escape[4];
            std::snprintf(escape, sizeof escape, "%%%02X", byte);
            encoded += escape;
        } else {
            encoded += c;
        }
    }
    return encoded;
}

// Damage (the file is not a database, or its pages are not sane) is Invalid; anything else (a
// full disk, no permission, a busy lock) is Failed: the file is then left alone.
Error open_error(sqlite3* db, const std::string& what) {
    const int code = sqlite3_extended_errcode(db) & 0xff;
    Error error = sqlite_error(db, what);
    error.kind =
        code == SQLITE_CORRUPT || code == SQLITE_NOTADB ? ErrorKind::Invalid : ErrorKind::Failed;
    return error;
}

Result<sqlite3*> open_database(const std::filesystem::path& file) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
        Error error = open_error(db, "cannot open " + file.string());
        sqlite3_close(db);
        return error;
    }
    sqlite3_busy_timeout(db, 2000);
    // WAL with synchronous=FULL: each minute's commit is on the card when it returns (one fsync
    // a minute), and a power cut leaves the file whole. The WAL is kept under 1 MiB after each
    // checkpoint; incremental auto-vacuum gives pruned pages back without rewriting the file.
    const char* setup =
        "PRAGMA auto_vacuum = INCREMENTAL; PRAGMA journal_mode = WAL; "
        "PRAGMA synchronous = FULL; PRAGMA journal_size_limit = 1048576;";
    if (sqlite3_exec(db, setup, nullptr, nullptr, nullptr) != SQLITE_OK ||
        sqlite3_exec(db, kSchema, nullptr, nullptr, nullptr) != SQLITE_OK) {
        Error error = open_error(db, file.string());
        sqlite3_close(db);
        return error;
    }
    // A quick check that the pages are sane: a file damaged on the SD card is set aside.
    SqliteStatement check(db, "PRAGMA quick_check");
    if (!check || sqlite3_step(check.get()) != SQLITE_ROW || column_text(check.get(), 0) != "ok") {
        Error error = sqlite_error(db, file.string() + " is damaged");
        error.kind = ErrorKind::Invalid;
        sqlite3_close(db);
        return error;
    }
    return db;
}

}  // namespace

Result<std::unique_ptr<PlayLog>> PlayLog::open(const std::filesystem::path& file,
                                               PlayLogLimits limits) {
    std::error_code ignored;
    std::filesystem::create_directories(file.parent_path(), ignored);
    auto db = open_database(file);
    if (!db && db.error().kind == ErrorKind::Invalid) {
        // Set the damaged file aside, with its WAL, under a name of its own (kept for whoever
        // wants to look), and start a new one. Any other failure leaves the file alone.
        const std::string aside = file.string() + ".damaged-" + std::to_string(std::time(nullptr));
        log_warning(db.error().message + ": set aside as " + aside + ", a new play log begins");
        std::filesystem::rename(file, aside, ignored);
        std::filesystem::rename(file.string() + "-wal", aside + "-wal", ignored);
        std::filesystem::remove(file.string() + "-shm", ignored);
        db = open_database(file);
    }
    if (!db) {
        return db.error();
    }
    return std::unique_ptr<PlayLog>(new PlayLog(*db, limits));
}

Result<std::unique_ptr<PlayLog>> PlayLog::open_existing(const std::filesystem::path& file) {
    // Read-only, and making no file: the log is the player's, in its own folder, and a -wal or
    // -shm file made by root (an admin's `placard-tool plays`, the USB import) would shut the
    // player out of its log. While the player runs (or after it stopped uncleanly) both exist,
    // and a read-only connection reads through them (SQLite 3.22 and later, "Read-Only
    // Databases" in wal.html); without them the log was checkpointed and closed, and is read
    // as immutable, which opens nothing beside it.
    std::error_code ignored;
    const bool live = std::filesystem::exists(file.string() + "-wal", ignored) &&
                      std::filesystem::exists(file.string() + "-shm", ignored);
    if (!std::filesystem::is_regular_file(file, ignored)) {
        return make_error(ErrorKind::NotFound,
                          "play log: cannot open " + file.string() + ": no such file");
    }
    // "file://" and an empty authority: a path beginning "//" is not taken for a host name.
    const std::string uri = "file://" + uri_path(file) + (live ? "?mode=ro" : "?immutable=1");
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) !=
        SQLITE_OK) {
        Error error = sqlite_error(db, "cannot open " + file.string());
        sqlite3_close(db);
        return make_error(ErrorKind::NotFound, error.message);
    }
    sqlite3_busy_timeout(db, 2000);
    return std::unique_ptr<PlayLog>(new PlayLog(db, PlayLogLimits{}));
}

PlayLog::~PlayLog() {
    sqlite3_close(db_);
}

void PlayLog::record(PlayRecord play) {
    std::lock_guard lock(mutex_);
    plays_.push_back(std::move(play));
}

void PlayLog::record(VisitRecord visit) {
    std::lock_guard lock(mutex_);
    visits_.push_back(std::move(visit));
}

Status PlayLog::execute(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
        return sqlite_error(db_, sql);
    }
    return Done{};
}

// Records a failed flush could not write go back to the queue, in front of newer ones, up to
// kMostQueued: a disk full for hours costs the oldest records, never the player's memory.
void PlayLog::requeue(std::vector<PlayRecord> plays, std::vector<VisitRecord> visits) {
    std::lock_guard lock(mutex_);
    plays.insert(plays.end(), std::make_move_iterator(plays_.begin()),
                 std::make_move_iterator(plays_.end()));
    visits.insert(visits.end(), std::make_move_iterator(visits_.begin()),
                  std::make_move_iterator(visits_.end()));
    if (plays.size() > kMostQueued) {
        plays.erase(plays.begin(), plays.end() - static_cast<std::ptrdiff_t>(kMostQueued));
    }
    if (visits.size() > kMostQueued) {
        visits.erase(visits.begin(), visits.end() - static_cast<std::ptrdiff_t>(kMostQueued));
    }
    plays_ = std::move(plays);
    visits_ = std::move(visits);
}

Result<std::size_t> PlayLog::flush(std::int64_t now) {
    std::vector<PlayRecord> plays;
    std::vector<VisitRecord> visits;
    {
        std::lock_guard lock(mutex_);
        plays.swap(plays_);
        visits.swap(visits_);
    }
    auto written = write(plays, visits, now);
    if (!written) {
        requeue(std::move(plays), std::move(visits));
    }
    return written;
}

Result<std::size_t> PlayLog::write(const std::vector<PlayRecord>& plays,
                                   const std::vector<VisitRecord>& visits, std::int64_t now) {
    // A transaction a failed ROLLBACK left open is ended first, or every BEGIN would fail.
    if (sqlite3_get_autocommit(db_) == 0) {
        (void)execute("ROLLBACK");
    }
    if (auto begun = execute("BEGIN"); !begun) {
        return begun.error();
    }
    SqliteStatement insert_play(db_,
                                "INSERT INTO plays (zone, item, version, start, seconds) "
                                "VALUES (?, ?, ?, ?, ?)");
    SqliteStatement roll_up(db_,
                            "INSERT INTO hourly (hour, zone, item, plays, seconds) "
                            "VALUES (?, ?, ?, 1, ?) ON CONFLICT (hour, zone, item) DO UPDATE SET "
                            "plays = plays + 1, seconds = seconds + excluded.seconds");
    SqliteStatement insert_visit(db_,
                                 "INSERT INTO visits (start, seconds, screens) VALUES (?, ?, ?)");
    if (!insert_play || !roll_up || !insert_visit) {
        Error error = sqlite_error(db_, "prepare");
        (void)execute("ROLLBACK");
        return error;
    }
    bool ok = true;
    for (const PlayRecord& play : plays) {
        sqlite3_bind_text(insert_play.get(), 1, play.zone.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert_play.get(), 2, play.item.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(insert_play.get(), 3, play.version);
        sqlite3_bind_int64(insert_play.get(), 4, play.start);
        sqlite3_bind_double(insert_play.get(), 5, play.seconds);
        ok = ok && sqlite3_step(insert_play.get()) == SQLITE_DONE;
        sqlite3_reset(insert_play.get());
        sqlite3_bind_int64(roll_up.get(), 1, hour_of(play.start));
        sqlite3_bind_text(roll_up.get(), 2, play.zone.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(roll_up.get(), 3, play.item.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_double(roll_up.get(), 4, play.seconds);
        ok = ok && sqlite3_step(roll_up.get()) == SQLITE_DONE;
        sqlite3_reset(roll_up.get());
    }
    for (const VisitRecord& visit : visits) {
        sqlite3_bind_int64(insert_visit.get(), 1, visit.start);
        sqlite3_bind_double(insert_visit.get(), 2, visit.seconds);
        sqlite3_bind_text(insert_visit.get(), 3, visit.screens.c_str(), -1, SQLITE_TRANSIENT);
        ok = ok && sqlite3_step(insert_visit.get()) == SQLITE_DONE;
        sqlite3_reset(insert_visit.get());
    }
    if (!ok) {
        Error error = sqlite_error(db_, "write");
        (void)execute("ROLLBACK");
        return error;
    }
    // Pruning once an hour is enough (and spares the card the pages it would rewrite).
    const bool prune_now = hour_of(now) != last_pruned_hour_;
    if (prune_now) {
        if (auto pruned = prune(now); !pruned) {
            (void)execute("ROLLBACK");
            return pruned.error();
        }
    }
    if (auto committed = execute("COMMIT"); !committed) {
        (void)execute("ROLLBACK");
        return committed.error();
    }
    if (prune_now) {
        last_pruned_hour_ = hour_of(now);
        (void)execute("PRAGMA incremental_vacuum");
    }
    return plays.size() + visits.size();
}

Status PlayLog::prune(std::int64_t now) {
    const auto before = [&](int days) { return now - std::int64_t{days} * 86400; };
    SqliteStatement raw(db_, "DELETE FROM plays WHERE start < ?");
    SqliteStatement hourly(db_, "DELETE FROM hourly WHERE hour < ?");
    SqliteStatement visits(db_, "DELETE FROM visits WHERE start < ?");
    if (!raw || !hourly || !visits) {
        return sqlite_error(db_, "prepare");
    }
    sqlite3_bind_int64(raw.get(), 1, before(limits_.raw_days));
    sqlite3_bind_int64(hourly.get(), 1, before(limits_.kept_days));
    sqlite3_bind_int64(visits.get(), 1, before(limits_.kept_days));
    if (sqlite3_step(raw.get()) != SQLITE_DONE || sqlite3_step(hourly.get()) != SQLITE_DONE ||
        sqlite3_step(visits.get()) != SQLITE_DONE) {
        return sqlite_error(db_, "prune");
    }
    // Over the size bound: the oldest half of the raw plays go (the hourly roll-up keeps their
    // sums).
    if (size_bytes() > limits_.max_bytes) {
        log_warning("play log: over " + std::to_string(limits_.max_bytes) +
                    " bytes: the older half of the single plays goes (the hourly sums stay)");
        if (auto halved = execute("DELETE FROM plays WHERE rowid <= (SELECT (MIN(rowid) + "
                                  "MAX(rowid)) / 2 FROM plays)");
            !halved) {
            return halved;
        }
    }
    return Done{};
}

std::int64_t PlayLog::size_bytes() {
    SqliteStatement pages(db_,
                          "SELECT page_count - freelist_count, page_size FROM "
                          "pragma_page_count(), pragma_freelist_count(), pragma_page_size()");
    if (!pages || sqlite3_step(pages.get()) != SQLITE_ROW) {
        return 0;
    }
    return sqlite3_column_int64(pages.get(), 0) * sqlite3_column_int64(pages.get(), 1);
}

Result<std::vector<PlayRecord>> PlayLog::plays_since(std::int64_t since) {
    SqliteStatement query(db_,
                          "SELECT zone, item, version, start, seconds FROM plays WHERE start >= ? "
                          "ORDER BY start, rowid");
    if (!query) {
        return sqlite_error(db_, "query");
    }
    sqlite3_bind_int64(query.get(), 1, since);
    std::vector<PlayRecord> out;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(query.get())) == SQLITE_ROW) {
        out.push_back(PlayRecord{column_text(query.get(), 0), column_text(query.get(), 1),
                                 sqlite3_column_int64(query.get(), 2),
                                 sqlite3_column_int64(query.get(), 3),
                                 sqlite3_column_double(query.get(), 4)});
    }
    if (step != SQLITE_DONE) {
        return sqlite_error(db_, "read");
    }
    return out;
}

Result<std::vector<VisitRecord>> PlayLog::visits_since(std::int64_t since) {
    SqliteStatement query(db_,
                          "SELECT start, seconds, screens FROM visits WHERE start >= ? "
                          "ORDER BY start, rowid");
    if (!query) {
        return sqlite_error(db_, "query");
    }
    sqlite3_bind_int64(query.get(), 1, since);
    std::vector<VisitRecord> out;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(query.get())) == SQLITE_ROW) {
        out.push_back(VisitRecord{sqlite3_column_int64(query.get(), 0),
                                  sqlite3_column_double(query.get(), 1),
                                  column_text(query.get(), 2)});
    }
    if (step != SQLITE_DONE) {
        return sqlite_error(db_, "read");
    }
    return out;
}

Result<std::vector<HourlyRecord>> PlayLog::hourly_since(std::int64_t since) {
    SqliteStatement query(db_,
                          "SELECT hour, zone, item, plays, seconds FROM hourly WHERE hour >= ? "
                          "ORDER BY hour, zone, item");
    if (!query) {
        return sqlite_error(db_, "query");
    }
    sqlite3_bind_int64(query.get(), 1, hour_of(since));
    std::vector<HourlyRecord> out;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(query.get())) == SQLITE_ROW) {
        out.push_back(HourlyRecord{sqlite3_column_int64(query.get(), 0),
                                   column_text(query.get(), 1), column_text(query.get(), 2),
                                   sqlite3_column_int64(query.get(), 3),
                                   sqlite3_column_double(query.get(), 4)});
    }
    if (step != SQLITE_DONE) {
        return sqlite_error(db_, "read");
    }
    return out;
}

}  // namespace placard
