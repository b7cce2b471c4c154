// Signed-in admins' sessions. The browser holds a random 256-bit token in a cookie
// (HttpOnly: no script reads it; SameSite=Strict: no other site's page sends it, RFC 6265bis
// §5.4.7); the database holds only its SHA-256. Each session also has a CSRF token that the
// pages send back in a header with every change (the "synchronizer token" pattern), so that
// a change needs both the cookie and a token only the studio's own pages can read.
//
// A session ends when its user signs out, after 8 hours without use, or 24 hours after
// signing in, whichever comes first.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "studio/studio_database.hpp"
#include "studio/users.hpp"

namespace placard {

inline constexpr std::int64_t kSessionIdleSeconds = 8 * 3600;
inline constexpr std::int64_t kSessionLifeSeconds = 24 * 3600;

struct Session {
    User user;
    std::string csrf;  // 64 hex digits.
};

// A new session for `user`; its token (64 hex digits) goes into the cookie. Empty on failure.
std::string start_session(StudioDatabase& db, const User& user, std::int64_t now);
// The session of `token`, when it is still good (and marks it used).
std::optional<Session> find_session(StudioDatabase& db, std::string_view token, std::int64_t now);
void end_session(StudioDatabase& db, std::string_view token);
// Ends every session of `user` (their password or role changed: a stolen session goes too).
void end_sessions_of(StudioDatabase& db, std::string_view user);
// True when `given` is the session's CSRF token (compared in constant time).
bool csrf_matches(const Session& session, std::string_view given);

}  // namespace placard
