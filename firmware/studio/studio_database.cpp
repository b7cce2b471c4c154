#include "studio/studio_database.hpp"

namespace placard {

namespace {

// Roles are checked by the database too: a row no code path should write cannot be written.
constexpr const char* kSchema =
    "PRAGMA foreign_keys = ON;"
    "CREATE TABLE IF NOT EXISTS users ("
    "  name TEXT PRIMARY KEY,"
    "  role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'reviewer')),"
    "  password_hash TEXT NOT NULL,"
    "  created INTEGER NOT NULL);"
    // A session is found by the SHA-256 of its token: a copy of the database signs nobody in.
    "CREATE TABLE IF NOT EXISTS sessions ("
    "  token_hash TEXT PRIMARY KEY,"
    "  user TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,"
    "  csrf TEXT NOT NULL,"
    "  created INTEGER NOT NULL,"
    "  last_used INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS versions ("
    "  version INTEGER PRIMARY KEY,"
    "  published INTEGER NOT NULL,"
    "  publisher TEXT NOT NULL,"
    "  note TEXT NOT NULL,"
    "  changes TEXT NOT NULL DEFAULT '[]');"
    "CREATE TABLE IF NOT EXISTS media ("
    "  name TEXT PRIMARY KEY,"
    "  sha256 TEXT NOT NULL,"
    "  size INTEGER NOT NULL,"
    "  width INTEGER NOT NULL,"
    "  height INTEGER NOT NULL,"
    "  added_by TEXT NOT NULL,"
    "  added INTEGER NOT NULL);"
    // A draft is a whole feed.json being edited. The 审核 rule is the database's too: whoever
    // approved a draft is not its author.
    "CREATE TABLE IF NOT EXISTS drafts ("
    "  id INTEGER PRIMARY KEY,"
    "  author TEXT NOT NULL,"
    "  base_version INTEGER NOT NULL,"
    "  feed TEXT NOT NULL,"
    "  state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'approved', 'published')),"
    "  note TEXT NOT NULL DEFAULT '',"
    "  reviewer TEXT CHECK (reviewer IS NULL OR reviewer <> author),"
    "  version INTEGER,"
    "  editors TEXT NOT NULL DEFAULT '',"
    "  updated INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS audit ("
    "  at INTEGER NOT NULL,"
    "  user TEXT NOT NULL,"
    "  action TEXT NOT NULL,"
    "  detail TEXT NOT NULL);"
    "CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit"
    "  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
    "CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit"
    "  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;";

}  // namespace

Result<std::unique_ptr<StudioDatabase>> StudioDatabase::open(const std::filesystem::path& file) {
    sqlite3* db = nullptr;
    const int opened = sqlite3_open_v2(
        file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
        nullptr);
    std::unique_ptr<StudioDatabase> database(new StudioDatabase(db));
    if (opened != SQLITE_OK) {
        return database->error("cannot open " + file.string());
    }
    sqlite3_busy_timeout(db, 5000);
    // WAL: readers (a preview, a page) never wait for a publish; synchronous=FULL: a published
    // version or an audit line that was answered "done" survives a power cut.
    if (auto set = database->execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;",
                                     "cannot set up " + file.string());
        !set) {
        return set.error();
    }
    if (auto made = database->execute(kSchema, "cannot make the tables of " + file.string());
        !made) {
        return made.error();
    }
    return database;
}

StudioDatabase::~StudioDatabase() {
    sqlite3_close_v2(db_);
}

Status StudioDatabase::execute(const char* sql, const std::string& what) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
        return error(what);
    }
    return Done{};
}

Error StudioDatabase::error(const std::string& what) const {
    return make_error(ErrorKind::Failed,
                      "studio: " + what + ": " + (db_ ? sqlite3_errmsg(db_) : "out of memory"));
}

}  // namespace placard
