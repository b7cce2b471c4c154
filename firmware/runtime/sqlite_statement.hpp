// A prepared SQLite statement that finalizes itself, shared by what Placard stores in SQLite
// (the play log, Placard Studio's database).
#pragma once

#include <sqlite3.h>

#include <string>

namespace placard {

class SqliteStatement {
  public:
    SqliteStatement(sqlite3* db, const char* sql) {
        sqlite3_prepare_v2(db, sql, -1, &statement_, nullptr);
    }
    ~SqliteStatement() { sqlite3_finalize(statement_); }
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    sqlite3_stmt* get() const { return statement_; }
    explicit operator bool() const { return statement_ != nullptr; }

  private:
    sqlite3_stmt* statement_ = nullptr;
};

// Column `column` of the current row as text; empty for NULL.
inline std::string column_text(sqlite3_stmt* statement, int column) {
    const unsigned char* text = sqlite3_column_text(statement, column);
    return text ? reinterpret_cast<const char*>(text) : "";
}

}  // namespace placard
