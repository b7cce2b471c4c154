// Who did what and when in the studio: every sign-in, sign-out, failed sign-in of a known
// user, user change and publish, one row each in studio.db's append-only `audit` table.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "studio/studio_database.hpp"

namespace placard {

struct AuditEntry {
    std::int64_t at = 0;  // Unix seconds.
    std::string user, action, detail;
};

void record_audit(StudioDatabase& db, const AuditEntry& entry);
// The newest `limit` entries, newest first.
std::vector<AuditEntry> recent_audit(StudioDatabase& db, int limit);

}  // namespace placard
