// Placard Studio's database: one SQLite file, DATA/studio.db, holding the admins (users), their
// sessions, the published versions and the audit log. Opened in SQLite's serialized mode, so
// the server's threads may share it; a change of several statements takes `writing()` first.
//
// The audit log is append-only in the database itself (triggers refuse UPDATE and DELETE), so
// that no code path of the studio can quietly rewrite who did what.
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <mutex>
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
    std::mutex& writing() { return writing_; }
    // Runs statements without results; the error names `what`.
    Status execute(const char* sql, const std::string& what);
    Error error(const std::string& what) const;

  private:
    explicit StudioDatabase(sqlite3* db) : db_(db) {}
    sqlite3* db_;
    std::mutex writing_;
};

}  // namespace placard
