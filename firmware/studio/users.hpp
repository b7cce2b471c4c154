// The studio's admins and what each may do. Three roles, as in the 审核 (review) workflow of
// the 信息发布 systems offices know:
//   editor    writes and submits content;
//   reviewer  approves or sends back what others submitted (never their own) and publishes;
//   admin     everything, and manages users.
// Roles are enforced by the server on every action (permissions.hpp, workflow.hpp), never
// by hiding buttons.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "studio/studio_database.hpp"

namespace placard {

enum class Role { Admin, Editor, Reviewer };

std::optional<Role> parse_role(std::string_view name);
std::string_view role_name(Role role);

struct User {
    std::string name;
    Role role = Role::Editor;
};

// A user name: 1 to 64 bytes of UTF-8, no spaces or control characters (it appears in the
// audit log and in one-line messages).
Status check_user_name(std::string_view name);
// Adds a user, or sets the role and password of one that exists (an admin resetting a
// forgotten password does it this way, on the studio's machine); the user's sessions end.
Status add_user(StudioDatabase& db, std::string_view name, Role role, std::string_view password,
                std::int64_t now);
std::optional<User> find_user(StudioDatabase& db, std::string_view name);
// The user when `password` is theirs. An unknown name costs the same hashing as a known one,
// so that the time of an answer does not tell which names exist.
std::optional<User> check_password(StudioDatabase& db, std::string_view name,
                                   std::string_view password);
std::vector<User> list_users(StudioDatabase& db);

}  // namespace placard
