#include "studio/users.hpp"

#include <sodium.h>

#include "core/utf8.hpp"
#include "runtime/sqlite_statement.hpp"
#include "studio/password_hash.hpp"
#include "studio/sessions.hpp"

namespace placard {

namespace {

struct UserRow {
    User user;
    std::string password_hash;
};

std::optional<UserRow> find_row(StudioDatabase& db, std::string_view name) {
    SqliteStatement query(db.handle(), "SELECT role, password_hash FROM users WHERE name = ?");
    if (!query) {
        return std::nullopt;
    }
    sqlite3_bind_text(query.get(), 1, name.data(), static_cast<int>(name.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(query.get()) != SQLITE_ROW) {
        return std::nullopt;
    }
    const auto role = parse_role(column_text(query.get(), 0));
    if (!role) {
        return std::nullopt;
    }
    return UserRow{User{std::string(name), *role}, column_text(query.get(), 1)};
}

// A hash of a password nobody has, made once: checked against when the name is unknown.
const std::string& stand_in_hash() {
    static const std::string hash = [] {
        unsigned char random[32];
        randombytes_buf(random, sizeof random);
        char hex[65];
        sodium_bin2hex(hex, sizeof hex, random, sizeof random);
        auto made = hash_password(hex);
        return made ? *made : std::string();
    }();
    return hash;
}

}  // namespace

std::optional<Role> parse_role(std::string_view name) {
    if (name == "admin") {
        return Role::Admin;
    }
    if (name == "editor") {
        return Role::Editor;
    }
    if (name == "reviewer") {
        return Role::Reviewer;
    }
    return std::nullopt;
}

std::string_view role_name(Role role) {
    switch (role) {
        case Role::Admin:
            return "admin";
        case Role::Editor:
            return "editor";
        case Role::Reviewer:
            return "reviewer";
    }
    return "editor";
}

Status check_user_name(std::string_view name) {
    if (name.empty() || name.size() > 64) {
        return make_error("a user name has 1 to 64 bytes");
    }
    if (!utf8::is_valid(name)) {
        return make_error("a user name is UTF-8 text");
    }
    for (const char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7f) {
            return make_error("a user name has no spaces or control characters");
        }
    }
    return Done{};
}

Status add_user(StudioDatabase& db, std::string_view name, Role role, std::string_view password,
                std::int64_t now) {
    if (auto valid = check_user_name(name); !valid) {
        return valid.error();
    }
    auto hash = hash_password(password);
    if (!hash) {
        return hash.error();
    }
    SqliteStatement upsert(db.handle(),
                           "INSERT INTO users (name, role, password_hash, created) "
                           "VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                           "role = excluded.role, password_hash = excluded.password_hash");
    if (!upsert) {
        return db.error("cannot add " + std::string(name));
    }
    const std::string_view role_text = role_name(role);
    sqlite3_bind_text(upsert.get(), 1, name.data(), static_cast<int>(name.size()),
                      SQLITE_TRANSIENT);
    sqlite3_bind_text(upsert.get(), 2, role_text.data(), static_cast<int>(role_text.size()),
                      SQLITE_TRANSIENT);
    sqlite3_bind_text(upsert.get(), 3, hash->c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(upsert.get(), 4, now);
    if (sqlite3_step(upsert.get()) != SQLITE_DONE) {
        return db.error("cannot add " + std::string(name));
    }
    // A new password (a reset after a leak) ends the sessions signed in with the old one.
    end_sessions_of(db, name);
    return Done{};
}

std::optional<User> find_user(StudioDatabase& db, std::string_view name) {
    auto row = find_row(db, name);
    if (!row) {
        return std::nullopt;
    }
    return row->user;
}

std::optional<User> check_password(StudioDatabase& db, std::string_view name,
                                   std::string_view password) {
    auto row = find_row(db, name);
    if (!row) {
        password_matches(stand_in_hash(), password);
        return std::nullopt;
    }
    if (!password_matches(row->password_hash, password)) {
        return std::nullopt;
    }
    return row->user;
}

std::vector<User> list_users(StudioDatabase& db) {
    std::vector<User> users;
    SqliteStatement query(db.handle(), "SELECT name, role FROM users ORDER BY name");
    while (query && sqlite3_step(query.get()) == SQLITE_ROW) {
        if (auto role = parse_role(column_text(query.get(), 1))) {
            users.push_back(User{column_text(query.get(), 0), *role});
        }
    }
    return users;
}

}  // namespace placard
