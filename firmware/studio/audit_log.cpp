#include "studio/audit_log.hpp"

#include "runtime/log.hpp"
#include "runtime/sqlite_statement.hpp"

namespace placard {

void record_audit(StudioDatabase& db, const AuditEntry& entry) {
    SqliteStatement insert(db.handle(),
                           "INSERT INTO audit (at, user, action, detail) VALUES (?, ?, ?, ?)");
    sqlite3_bind_int64(insert.get(), 1, entry.at);
    sqlite3_bind_text(insert.get(), 2, entry.user.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert.get(), 3, entry.action.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert.get(), 4, entry.detail.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(insert.get()) != SQLITE_DONE) {
        // The action happened; the journal keeps what the table could not.
        log_warning("studio: audit: cannot record \"" + entry.user + " " + entry.action + " " +
                    entry.detail + "\": " + sqlite3_errmsg(db.handle()));
    }
}

std::vector<AuditEntry> recent_audit(StudioDatabase& db, int limit) {
    std::vector<AuditEntry> entries;
    SqliteStatement query(db.handle(),
                          "SELECT at, user, action, detail FROM audit ORDER BY rowid DESC LIMIT ?");
    sqlite3_bind_int(query.get(), 1, limit);
    while (query && sqlite3_step(query.get()) == SQLITE_ROW) {
        entries.push_back(AuditEntry{sqlite3_column_int64(query.get(), 0),
                                     column_text(query.get(), 1), column_text(query.get(), 2),
                                     column_text(query.get(), 3)});
    }
    return entries;
}

}  // namespace placard
