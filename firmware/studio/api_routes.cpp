#include "studio/audit_log.hpp"
#include "studio/permissions.hpp"
#include "studio/studio_answers.hpp"
#include "studio/studio_routes.hpp"

namespace placard {

namespace {

nlohmann::json session_json(const Session& session) {
    return {{"user", session.user.name},
            {"role", std::string(role_name(session.user.role))},
            {"csrf", session.csrf}};
}

nlohmann::json versions_json(StudioContext& studio) {
    nlohmann::json versions = nlohmann::json::array();
    for (const PublishedVersion& version : studio.publisher.history()) {
        versions.push_back({{"version", version.version},
                            {"published", version.published},
                            {"publisher", version.publisher},
                            {"note", version.note},
                            {"changes", version.changes}});
    }
    const auto current = studio.publisher.current_version();
    return {{"current", current ? nlohmann::json(*current) : nlohmann::json(nullptr)},
            {"versions", versions}};
}

nlohmann::json audit_json(StudioContext& studio) {
    nlohmann::json entries = nlohmann::json::array();
    for (const AuditEntry& entry : recent_audit(studio.db(), 200)) {
        entries.push_back({{"at", entry.at},
                           {"user", entry.user},
                           {"action", entry.action},
                           {"detail", entry.detail}});
    }
    return {{"entries", entries}};
}

nlohmann::json users_json(StudioContext& studio) {
    nlohmann::json users = nlohmann::json::array();
    for (const User& user : list_users(studio.db())) {
        users.push_back({{"name", user.name}, {"role", std::string(role_name(user.role))}});
    }
    return {{"users", users}};
}

}  // namespace

// GET /api/NAME: what the pages show, each behind its permission.
void handle_api_read(StudioContext& studio, HttpExchange& exchange, const Session& session,
                     std::string_view path) {
    const Role role = session.user.role;
    if (path == "session") {
        exchange.answer(json_answer(200, session_json(session)));
    } else if (path == "versions" && may(role, Action::Read)) {
        exchange.answer(json_answer(200, versions_json(studio)));
    } else if (path == "audit" && may(role, Action::ReadAudit)) {
        exchange.answer(json_answer(200, audit_json(studio)));
    } else if (path == "users" && may(role, Action::ManageUsers)) {
        exchange.answer(json_answer(200, users_json(studio)));
    } else if (path == "versions" || path == "audit" || path == "users") {
        exchange.answer(
            json_error(403, "your role (" + std::string(role_name(role)) + ") may not do this"));
    } else {
        exchange.answer(json_error(404, "no such resource"));
    }
}

}  // namespace placard
