#include "studio/sessions.hpp"

#include <sodium.h>

#include "content/sha256.hpp"
#include "runtime/sqlite_statement.hpp"

namespace placard {

namespace {

std::string random_hex() {
    unsigned char random[32];
    randombytes_buf(random, sizeof random);
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, random, sizeof random);
    return hex;
}

bool is_token(std::string_view token) {
    return token.size() == 64 && token.find_first_not_of("0123456789abcdef") == std::string::npos;
}

void bind(sqlite3_stmt* statement, int index, std::string_view text) {
    sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
}

}  // namespace

std::string start_session(StudioDatabase& db, const User& user, std::int64_t now) {
    if (sodium_init() < 0) {
        return {};
    }
    const std::string token = random_hex();
    {
        // Sessions that ended are swept whenever someone signs in: the table stays small.
        SqliteStatement sweep(db.handle(),
                              "DELETE FROM sessions WHERE last_used < ? OR created < ?");
        sqlite3_bind_int64(sweep.get(), 1, now - kSessionIdleSeconds);
        sqlite3_bind_int64(sweep.get(), 2, now - kSessionLifeSeconds);
        sqlite3_step(sweep.get());
    }
    SqliteStatement insert(db.handle(),
                           "INSERT INTO sessions (token_hash, user, csrf, created, last_used) "
                           "VALUES (?, ?, ?, ?, ?)");
    bind(insert.get(), 1, sha256_hex(token));
    bind(insert.get(), 2, user.name);
    bind(insert.get(), 3, random_hex());
    sqlite3_bind_int64(insert.get(), 4, now);
    sqlite3_bind_int64(insert.get(), 5, now);
    return sqlite3_step(insert.get()) == SQLITE_DONE ? token : std::string();
}

std::optional<Session> find_session(StudioDatabase& db, std::string_view token, std::int64_t now) {
    if (!is_token(token)) {
        return std::nullopt;
    }
    const std::string hash = sha256_hex(token);
    SqliteStatement query(db.handle(),
                          "SELECT s.user, u.role, s.csrf FROM sessions s JOIN users u "
                          "ON u.name = s.user WHERE s.token_hash = ? AND s.last_used >= ? "
                          "AND s.created >= ?");
    bind(query.get(), 1, hash);
    sqlite3_bind_int64(query.get(), 2, now - kSessionIdleSeconds);
    sqlite3_bind_int64(query.get(), 3, now - kSessionLifeSeconds);
    if (sqlite3_step(query.get()) != SQLITE_ROW) {
        return std::nullopt;
    }
    const auto role = parse_role(column_text(query.get(), 1));
    if (!role) {
        return std::nullopt;
    }
    Session session{User{column_text(query.get(), 0), *role}, column_text(query.get(), 2)};
    SqliteStatement touch(db.handle(), "UPDATE sessions SET last_used = ? WHERE token_hash = ?");
    sqlite3_bind_int64(touch.get(), 1, now);
    bind(touch.get(), 2, hash);
    sqlite3_step(touch.get());
    return session;
}

void end_session(StudioDatabase& db, std::string_view token) {
    if (!is_token(token)) {
        return;
    }
    SqliteStatement remove(db.handle(), "DELETE FROM sessions WHERE token_hash = ?");
    bind(remove.get(), 1, sha256_hex(token));
    sqlite3_step(remove.get());
}

void end_sessions_of(StudioDatabase& db, std::string_view user) {
    SqliteStatement remove(db.handle(), "DELETE FROM sessions WHERE user = ?");
    bind(remove.get(), 1, user);
    sqlite3_step(remove.get());
}

bool csrf_matches(const Session& session, std::string_view given) {
    return given.size() == session.csrf.size() && !given.empty() &&
           sodium_memcmp(given.data(), session.csrf.data(), given.size()) == 0;
}

}  // namespace placard
