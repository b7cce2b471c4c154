// Placard Studio's database: one SQLite file, DATA/studio.db, holding the admins (users), their
// sessions, the drafts, the image library, the published versions and the audit log. Opened in
// SQLite's serialized mode, so the server's threads share one connection: a change reports what
// it changed with RETURNING, never through the connection's counters (sqlite3_changes), which
// another thread's statement may have moved.
//
// The audit log is append-only in the database itself (triggers refuse UPDATE and DELETE), so
// that no code path of the studio can quietly rewrite who did what.
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/result.hpp"

namespace placard {

class StudioDatabase {
  public:
    static Result<std::unique_ptr<StudioDatabase>> open(const std::filesystem::path& file);
    ~StudioDatabase();
    StudioDatabase(const StudioDatabase&) = delete;
    StudioDatabase& operator=(const StudioDatabase&) = delete;

    sqlite3* handle() const { return db_; }
    // Runs statements without results; the error names `what`.
    Status execute(const char* sql, const std::string& what);
    Error error(const std::string& what) const;

  private:
    explicit StudioDatabase(sqlite3* db) : db_(db) {}
    sqlite3* db_;
};

}  // namespace placard
