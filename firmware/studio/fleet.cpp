#include "studio/fleet.hpp"

#include <sqlite3.h>

#include <algorithm>

#include "content/content_store.hpp"
#include "content/fleet_messages.hpp"
#include "core/json_fields.hpp"
#include "core/read_file.hpp"
#include "core/utf8.hpp"
#include "runtime/log.hpp"
#include "runtime/sqlite_statement.hpp"
#include "studio/screen_state.hpp"
#include "studio/studio_answers.hpp"

namespace placard {

namespace {

using Json = nlohmann::json;

constexpr const char* kSchema =
    "PRAGMA foreign_keys = ON;"
    // AUTOINCREMENT: a removed screen's id is never given to another (a page still showing it
    // must not send its commands to a newcomer).
    "CREATE TABLE IF NOT EXISTS screens ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  key TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL,"
    "  place TEXT NOT NULL DEFAULT '',"
    "  grp TEXT NOT NULL DEFAULT '',"
    "  accepted_by TEXT NOT NULL,"
    "  accepted INTEGER NOT NULL,"
    "  last_seen INTEGER NOT NULL DEFAULT 0,"
    "  last_sent INTEGER NOT NULL DEFAULT 0,"
    "  peer TEXT NOT NULL DEFAULT '',"
    "  report TEXT);"
    "CREATE TABLE IF NOT EXISTS plays ("
    "  screen INTEGER NOT NULL REFERENCES screens (id) ON DELETE CASCADE,"
    "  hour INTEGER NOT NULL, zone TEXT NOT NULL, item TEXT NOT NULL,"
    "  plays INTEGER NOT NULL, seconds INTEGER NOT NULL,"
    "  PRIMARY KEY (screen, hour, zone, item));"
    "CREATE TABLE IF NOT EXISTS visits ("
    "  screen INTEGER NOT NULL REFERENCES screens (id) ON DELETE CASCADE,"
    "  hour INTEGER NOT NULL, visits INTEGER NOT NULL, seconds INTEGER NOT NULL,"
    "  PRIMARY KEY (screen, hour));"
    "CREATE TABLE IF NOT EXISTS commands ("
    "  id INTEGER PRIMARY KEY,"
    "  screen INTEGER NOT NULL REFERENCES screens (id) ON DELETE CASCADE,"
    "  action TEXT NOT NULL,"
    "  nonce TEXT NOT NULL UNIQUE,"
    "  envelope TEXT NOT NULL,"
    "  created INTEGER NOT NULL,"
    "  expires INTEGER NOT NULL,"
    "  by TEXT NOT NULL,"
    "  delivered INTEGER,"
    "  done INTEGER,"
    "  fulfilled INTEGER,"
    "  message TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX IF NOT EXISTS commands_by_screen ON commands (screen, action, created);"
    "CREATE INDEX IF NOT EXISTS plays_by_hour ON plays (hour);"
    "CREATE INDEX IF NOT EXISTS visits_by_hour ON visits (hour);";

// Play roll-ups a report may carry: three hours of a few dozen items, with room to spare.
constexpr std::size_t kMostPlayRows = 500;

std::string text_of(const Json& object, const char* key, std::size_t most = 200) {
    return utf8_prefix(utf8::make_valid(json_text(object, key)), most);
}

void bind_text(sqlite3_stmt* statement, int column, const std::string& text) {
    sqlite3_bind_text(statement, column, text.c_str(), -1, SQLITE_TRANSIENT);
}

bool is_key_hex(std::string_view text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

}  // namespace

Result<std::unique_ptr<Fleet>> Fleet::open(const std::filesystem::path& file, const SigningKey& key,
                                           std::int64_t started) {
    sqlite3* db = nullptr;
    const int opened =
        sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    std::unique_ptr<Fleet> fleet(new Fleet(db, key, file.parent_path() / "screenshots"));
    fleet->started_ = started;
    if (opened != SQLITE_OK) {
        return make_error(ErrorKind::Failed, "studio: cannot open " + file.string());
    }
    sqlite3_busy_timeout(db, 5000);
    if (auto made = fleet->execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        !made) {
        return made.error();
    }
    if (auto made = fleet->execute(kSchema); !made) {
        return made.error();
    }
    if (auto loaded = fleet->load(); !loaded) {
        return loaded.error();
    }
    return fleet;
}

Fleet::~Fleet() {
    sqlite3_close_v2(db_);
}

Status Fleet::execute(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
        return make_error(ErrorKind::Failed,
                          std::string("studio: fleet.db: ") + sqlite3_errmsg(db_));
    }
    return Done{};
}

Status Fleet::load() {
    SqliteStatement query(
        db_, "SELECT id, key, name, place, grp, last_seen, last_sent, peer, report FROM screens");
    if (!query) {
        return make_error(ErrorKind::Failed,
                          std::string("studio: fleet.db: ") + sqlite3_errmsg(db_));
    }
    while (sqlite3_step(query.get()) == SQLITE_ROW) {
        Screen screen;
        screen.id = sqlite3_column_int64(query.get(), 0);
        screen.name = column_text(query.get(), 2);
        screen.place = column_text(query.get(), 3);
        screen.group = column_text(query.get(), 4);
        screen.last_seen = sqlite3_column_int64(query.get(), 5);
        screen.last_sent = sqlite3_column_int64(query.get(), 6);
        screen.peer = column_text(query.get(), 7);
        const std::string report = column_text(query.get(), 8);
        screen.report = report.empty() ? Json() : Json::parse(report, nullptr, false);
        if (screen.report.is_discarded()) {
            screen.report = Json();
        }
        screens_[column_text(query.get(), 1)] = std::move(screen);
    }
    return Done{};
}

Result<std::string> Fleet::signer(std::string_view body, std::string_view authorization) {
    // "Placard-Screen ed25519 KEY SIGNATURE": the key is read from the signature itself, and
    // the signature is checked before anything of the body is looked at.
    constexpr std::string_view kScheme = "Placard-Screen ";
    if (!authorization.starts_with(kScheme)) {
        return make_error(ErrorKind::Unauthentic, "it must be signed by its screen");
    }
    const std::string_view signature = authorization.substr(kScheme.size());
    const std::size_t key_start = signature.find(' ');
    const std::string key_hex(
        signature.substr(key_start == std::string_view::npos ? 0 : key_start + 1, 64));
    auto key = parse_public_key(key_hex, "the signature");
    if (!key) {
        return make_error(ErrorKind::Unauthentic, "the signature names no key");
    }
    if (auto checked = verify_text(body, signature, {*key}, "the signature"); !checked) {
        return checked.error();
    }
    return key_hex;
}

HttpAnswer Fleet::take_report(std::string_view body, std::string_view authorization,
                              const std::string& peer, std::int64_t now) {
    auto signed_by = signer(body, authorization);
    if (!signed_by) {
        return json_error(401, "report: " + signed_by.error().message);
    }
    const std::string& key_hex = *signed_by;
    const Json report = Json::parse(body, nullptr, false);
    if (!report.is_object() || json_integer(report, "placard_report", 0) != 1 ||
        text_of(report, "key", 64) != key_hex) {
        return json_error(422, "not a report of the screen that signed it");
    }
    const auto sent = parse_utc_time(text_of(report, "sent"));
    if (!sent) {
        return json_error(422, "the report has no time it was sent");
    }
    std::lock_guard lock(mutex_);
    const auto found = screens_.find(key_hex);
    if (found == screens_.end()) {
        auto& waiting = pending_[key_hex];
        if (waiting.first_seen == 0) {
            waiting.first_seen = now;
        }
        waiting.name = text_of(report, "name", 100);
        waiting.peer = peer;
        waiting.last_seen = now;
        if (pending_.size() > kMostPending) {
            pending_.erase(std::min_element(pending_.begin(), pending_.end(),
                                            [](const auto& a, const auto& b) {
                                                return a.second.last_seen < b.second.last_seen;
                                            }));
        }
        return json_answer(202, Json{{"state", "pending"}});
    }
    Screen& screen = found->second;
    // Ordered by the screen's own clock; a time far in the future is refused rather than kept,
    // so that a clock that ran ahead once cannot lock the screen out after it is set right.
    if (*sent <= screen.last_sent) {
        return json_error(409, "a report not newer than the last one taken (a replay?)");
    }
    if (*sent > now + 86400) {
        return json_error(422,
                          "the report was sent more than a day in the studio's future: "
                          "the screen's clock is wrong");
    }
    screen.last_sent = *sent;
    screen.peer = peer;
    if (peer == kBrokerPeer) {
        // Reporting through the broker, so online there (its flag may have come before an admin
        // accepted it): commands go to it at once from now on.
        screen.online = true;
        screen.offline_at = 0;
    } else {
        // Reporting over HTTP: not on the broker (or the broker is down), so its commands wait
        // for this answer rather than go where the screen is not listening.
        screen.online = false;
    }
    keep_report(screen, report, std::string(body), now);
    // Only a screen that says its group (one that knows groups) is given it again: a screen
    // from before groups would refuse the command at every report.
    if (report.contains("group") && json_text(report, "group") != screen.group) {
        give_group_again(key_hex, screen, now);
    }
    Json answer{{"state", "accepted"}, {"name", screen.name}};
    answer["commands"] = deliver_commands(screen, now);
    return json_answer(200, answer);
}

void Fleet::keep_report(Screen& screen, const Json& report, const std::string& body,
                        std::int64_t now) {
    screen.report = report;
    screen.last_seen = now;
    (void)execute("BEGIN");
    {
        SqliteStatement update(db_,
                               "UPDATE screens SET last_seen = ?, last_sent = ?, peer = ?, "
                               "report = ? WHERE id = ?");
        sqlite3_bind_int64(update.get(), 1, now);
        sqlite3_bind_int64(update.get(), 2, screen.last_sent);
        bind_text(update.get(), 3, screen.peer);
        bind_text(update.get(), 4, body);
        sqlite3_bind_int64(update.get(), 5, screen.id);
        sqlite3_step(update.get());
    }
    // The roll-ups replace what the studio had for the hours they cover.
    const auto replace_hours = [&](const char* key, const char* remove, const char* insert,
                                   const auto& bind_row) {
        const auto rows = report.find(key);
        if (rows == report.end() || !rows->is_array() || rows->empty() ||
            rows->size() > kMostPlayRows) {
            return;
        }
        std::int64_t first = INT64_MAX;
        for (const Json& row : *rows) {
            if (const std::int64_t hour = json_integer(row, "hour", -1);
                hour >= now - 7 * 86400 && hour <= now + 86400) {
                first = std::min(first, hour);
            }
        }
        SqliteStatement drop(db_, remove);
        sqlite3_bind_int64(drop.get(), 1, screen.id);
        sqlite3_bind_int64(drop.get(), 2, first);
        sqlite3_step(drop.get());
        SqliteStatement add(db_, insert);
        for (const Json& row : *rows) {
            // Hours a screen's clock could not mean (a week back, a day ahead) are not kept.
            const std::int64_t hour = json_integer(row, "hour", -1);
            if (hour < now - 7 * 86400 || hour > now + 86400) {
                continue;
            }
            sqlite3_reset(add.get());
            sqlite3_bind_int64(add.get(), 1, screen.id);
            sqlite3_bind_int64(add.get(), 2, row["hour"].get<std::int64_t>());
            bind_row(add.get(), row);
            sqlite3_step(add.get());
        }
    };
    const auto whole = [](const Json& row, const char* key) {
        return row.contains(key) && row[key].is_number_integer() ? row[key].get<std::int64_t>()
                                                                 : std::int64_t{0};
    };
    replace_hours("plays", "DELETE FROM plays WHERE screen = ? AND hour >= ?",
                  "INSERT OR REPLACE INTO plays (screen, hour, zone, item, plays, seconds) "
                  "VALUES (?, ?, ?, ?, ?, ?)",
                  [&](sqlite3_stmt* add, const Json& row) {
                      bind_text(add, 3, text_of(row, "zone", 20));
                      bind_text(add, 4, text_of(row, "item", 100));
                      sqlite3_bind_int64(add, 5, whole(row, "plays"));
                      sqlite3_bind_int64(add, 6, whole(row, "seconds"));
                  });
    replace_hours("visits", "DELETE FROM visits WHERE screen = ? AND hour >= ?",
                  "INSERT OR REPLACE INTO visits (screen, hour, visits, seconds) "
                  "VALUES (?, ?, ?, ?)",
                  [&](sqlite3_stmt* add, const Json& row) {
                      sqlite3_bind_int64(add, 3, whole(row, "visits"));
                      sqlite3_bind_int64(add, 4, whole(row, "seconds"));
                  });
    // What became of the commands the screen was given.
    if (const auto results = report.find("command_results");
        results != report.end() && results->is_array()) {
        SqliteStatement done(db_,
                             "UPDATE commands SET done = ?, message = ? "
                             "WHERE screen = ? AND nonce = ? AND done IS NULL");
        for (const Json& result : *results) {
            if (!result.is_object() || text_of(result, "nonce", 32).empty()) {
                continue;
            }
            sqlite3_reset(done.get());
            sqlite3_bind_int(
                done.get(), 1,
                result.contains("done") && result["done"].is_boolean() && result["done"].get<bool>()
                    ? 1
                    : 0);
            bind_text(done.get(), 2, text_of(result, "message", 300));
            sqlite3_bind_int64(done.get(), 3, screen.id);
            bind_text(done.get(), 4, text_of(result, "nonce", 32));
            sqlite3_step(done.get());
        }
    }
    if (auto committed = execute("COMMIT"); !committed) {
        (void)execute("ROLLBACK");
        log_warning(committed.error().message);
    }
}

HttpAnswer Fleet::take_screenshot(std::string_view nonce, std::string_view png,
                                  std::string_view authorization, std::int64_t now) {
    auto signed_by = signer(screenshot_signed_text(nonce, png), authorization);
    if (!signed_by) {
        return json_error(401, "screenshot: " + signed_by.error().message);
    }
    // A PNG's eight-byte signature (RFC 2083 §3.1); the page shows it as an image.
    constexpr std::string_view kPng("\x89PNG\r\n\x1a\n", 8);
    if (!png.starts_with(kPng)) {
        return json_error(422, "a screenshot is a PNG");
    }
    std::lock_guard lock(mutex_);
    const auto found = screens_.find(*signed_by);
    if (found == screens_.end()) {
        return json_error(403, "screenshot from a screen no admin accepted");
    }
    // Taken once, for a screenshot command given to this screen: a copy of an earlier upload
    // is not a new screenshot.
    SqliteStatement fulfil(db_,
                           "UPDATE commands SET fulfilled = ? WHERE screen = ? AND nonce = ? AND "
                           "action = 'screenshot' AND delivered IS NOT NULL AND fulfilled IS NULL "
                           "RETURNING id");
    sqlite3_bind_int64(fulfil.get(), 1, now);
    sqlite3_bind_int64(fulfil.get(), 2, found->second.id);
    bind_text(fulfil.get(), 3, std::string(nonce));
    if (sqlite3_step(fulfil.get()) != SQLITE_ROW) {
        return json_error(409,
                          "no screenshot was asked of this screen with this nonce, or it "
                          "was sent already");
    }
    std::error_code ignored;
    std::filesystem::create_directories(screenshots_, ignored);
    if (auto written =
            write_file_atomically(screenshots_ / (std::to_string(found->second.id) + ".png"), png);
        !written) {
        log_warning("studio: " + written.error().message);
        return json_error(500, "the screenshot cannot be kept");
    }
    found->second.screenshot_at = now;
    return json_answer(200, Json{{"taken", true}});
}

Result<std::string> Fleet::screenshot(std::int64_t id) {
    std::lock_guard lock(mutex_);
    for (const auto& [key, screen] : screens_) {
        if (screen.id == id) {
            auto png =
                read_file(screenshots_ / (std::to_string(id) + ".png"), kMostScreenshotBytes);
            if (!png) {
                return make_error(ErrorKind::NotFound, "no screenshot of this screen yet");
            }
            return png;
        }
    }
    return make_error(ErrorKind::NotFound, "no such screen");
}

void Fleet::set_courier(Courier courier) {
    std::lock_guard lock(mutex_);
    courier_ = std::move(courier);
}

int Fleet::send_waiting_commands(const std::string& key, const Screen& screen, std::int64_t now) {
    if (!courier_) {
        return 0;
    }
    // Marked delivered as they are handed over (QoS 1 from here): the screen takes each nonce
    // once, so one sent twice would only be refused there.
    (void)execute("BEGIN");
    int handed = 0;
    for (const Json& envelope : deliver_commands(screen, now)) {
        if (!courier_(key, envelope.get<std::string>())) {
            (void)execute("ROLLBACK");  // Not handed over: they wait for the next report.
            return 0;
        }
        ++handed;
    }
    if (auto committed = execute("COMMIT"); !committed) {
        (void)execute("ROLLBACK");
    }
    return handed;
}

Status Fleet::take_online_flag(std::string_view text, std::string_view signature,
                               std::int64_t now) {
    auto signed_by = signer(text, "Placard-Screen " + std::string(signature));
    if (!signed_by) {
        return signed_by.error();
    }
    const auto flag = parse_online_flag(text, *signed_by);
    if (!flag) {
        return make_error(ErrorKind::Unauthentic,
                          "not an online flag of the screen that signed it");
    }
    std::lock_guard lock(mutex_);
    const auto found = screens_.find(*signed_by);
    if (found == screens_.end()) {
        return make_error(ErrorKind::NotFound, "not a screen an admin accepted");
    }
    Screen& screen = found->second;
    if (flag->sent > now + 86400) {
        return make_error(ErrorKind::Invalid, "sent more than a day in the studio's future");
    }
    if (flag->online) {
        // Not newer than the one taken: a replay, or a retained one the screen replaced. A
        // session seen ending does not come back (its flag replayed after the will).
        if (flag->sent <= screen.online_sent || flag->session == screen.ended_session) {
            return make_error(ErrorKind::Stale, "not newer than the online flag taken");
        }
        screen.online = true;
        screen.session = flag->session;
        screen.online_sent = flag->sent;
        screen.offline_at = 0;
        send_waiting_commands(found->first, screen, now);
        return Done{};
    }
    // An offline flag counts for the session last seen online, or when none was seen yet (the
    // studio started while the screen was gone: the broker keeps its will retained).
    if (!screen.session.empty() && flag->session != screen.session) {
        return make_error(ErrorKind::Stale, "an offline flag of an earlier session");
    }
    screen.online = false;
    screen.session = flag->session;
    screen.ended_session = flag->session;
    screen.offline_at = now;
    return Done{};
}

Json Fleet::deliver_commands(const Screen& screen, std::int64_t now) {
    Json list = Json::array();
    // Given until a report says what became of it (or it expires): a command given and then
    // lost — an answer that never arrived, a broker that dropped it — is given again once the
    // screen has had two reports' time to tell. The screen takes each nonce once.
    const std::int64_t interval =
        std::clamp<std::int64_t>(json_integer(screen.report, "interval", 30), 2, 3600);
    SqliteStatement waiting(db_,
                            "UPDATE commands SET delivered = ? WHERE screen = ? AND "
                            "done IS NULL AND expires > ? AND "
                            "(delivered IS NULL OR delivered <= ?) RETURNING envelope");
    sqlite3_bind_int64(waiting.get(), 1, now);
    sqlite3_bind_int64(waiting.get(), 2, screen.id);
    sqlite3_bind_int64(waiting.get(), 3, now);
    // At most half a command's life, so a slow reporter still gets a lost one again in time.
    sqlite3_bind_int64(waiting.get(), 4, now - std::clamp<std::int64_t>(2 * interval + 5, 15, 300));
    while (sqlite3_step(waiting.get()) == SQLITE_ROW) {
        list.push_back(column_text(waiting.get(), 0));
    }
    return list;
}

Result<std::int64_t> Fleet::accept(const std::string& key, const std::string& name,
                                   const std::string& by, std::int64_t now) {
    return enrol(key, name, by, now, true);
}

Result<std::int64_t> Fleet::add(const std::string& key, const std::string& name,
                                const std::string& by, std::int64_t now) {
    return enrol(key, name, by, now, false);
}

Result<std::int64_t> Fleet::enrol(const std::string& key, const std::string& name,
                                  const std::string& by, std::int64_t now, bool waiting_only) {
    std::lock_guard lock(mutex_);
    if (!is_key_hex(key)) {
        return make_error("a screen's key is 64 hex digits");
    }
    if (screens_.contains(key)) {
        return make_error(ErrorKind::Stale, "this screen is accepted already");
    }
    const auto waiting = pending_.find(key);
    if (waiting_only && waiting == pending_.end()) {
        return make_error(ErrorKind::NotFound, "no screen with this key is waiting to be accepted");
    }
    Screen screen;
    screen.name = utf8_prefix(utf8::make_valid(name), 100);
    if (waiting != pending_.end()) {
        screen.name = screen.name.empty() ? waiting->second.name : screen.name;
        screen.peer = waiting->second.peer;
    }
    auto id = insert_screen(key, std::move(screen), by, now);
    if (id && waiting != pending_.end()) {
        pending_.erase(waiting);
    }
    return id;
}

Result<std::int64_t> Fleet::insert_screen(const std::string& key, Screen screen,
                                          const std::string& by, std::int64_t now) {
    if (screen.name.empty()) {
        screen.name = "未命名终端";
    }
    SqliteStatement insert(db_,
                           "INSERT INTO screens (key, name, accepted_by, accepted, peer) "
                           "VALUES (?, ?, ?, ?, ?) RETURNING id");
    bind_text(insert.get(), 1, key);
    bind_text(insert.get(), 2, screen.name);
    bind_text(insert.get(), 3, by);
    sqlite3_bind_int64(insert.get(), 4, now);
    bind_text(insert.get(), 5, screen.peer);
    if (sqlite3_step(insert.get()) != SQLITE_ROW) {
        return make_error(ErrorKind::Failed,
                          std::string("studio: fleet.db: ") + sqlite3_errmsg(db_));
    }
    screen.id = sqlite3_column_int64(insert.get(), 0);
    const std::int64_t id = screen.id;
    screens_[key] = std::move(screen);
    return id;
}

Status Fleet::describe(std::int64_t id, const std::string& name, const std::string& place,
                       const std::string& group, const std::string& by, std::int64_t now) {
    std::lock_guard lock(mutex_);
    for (auto& [key, screen] : screens_) {
        if (screen.id != id) {
            continue;
        }
        SqliteStatement update(db_, "UPDATE screens SET name = ?, place = ?, grp = ? WHERE id = ?");
        bind_text(update.get(), 1, name);
        bind_text(update.get(), 2, place);
        bind_text(update.get(), 3, group);
        sqlite3_bind_int64(update.get(), 4, id);
        if (sqlite3_step(update.get()) != SQLITE_DONE) {
            return make_error(ErrorKind::Failed,
                              std::string("studio: fleet.db: ") + sqlite3_errmsg(db_));
        }
        screen.name = name;
        screen.place = place;
        if (screen.group == group) {
            return Done{};
        }
        screen.group = group;
        int handed = 0;
        return queue_one(key, screen, CommandAction::Group, by, now, true, handed);
    }
    return make_error(ErrorKind::NotFound, "no such screen");
}

Status Fleet::remove(std::int64_t id) {
    std::lock_guard lock(mutex_);
    for (auto it = screens_.begin(); it != screens_.end(); ++it) {
        if (it->second.id != id) {
            continue;
        }
        SqliteStatement drop(db_, "DELETE FROM screens WHERE id = ?");
        sqlite3_bind_int64(drop.get(), 1, id);
        if (sqlite3_step(drop.get()) != SQLITE_DONE) {
            return make_error(ErrorKind::Failed,
                              std::string("studio: fleet.db: ") + sqlite3_errmsg(db_));
        }
        std::error_code ignored;
        std::filesystem::remove(screenshots_ / (std::to_string(id) + ".png"), ignored);
        screens_.erase(it);
        return Done{};
    }
    return make_error(ErrorKind::NotFound, "no such screen");
}

void Fleet::prune(std::int64_t now) {
    std::lock_guard lock(mutex_);
    const std::int64_t stats_before = now - static_cast<std::int64_t>(kKeptStatsDays) * 86400;
    for (const char* sql : {"DELETE FROM plays WHERE hour < ?", "DELETE FROM visits WHERE hour < ?",
                            "DELETE FROM commands WHERE created < ?"}) {
        SqliteStatement drop(db_, sql);
        sqlite3_bind_int64(drop.get(), 1,
                           std::string_view(sql).find("commands") != std::string_view::npos
                               ? now - 7 * 86400
                               : stats_before);
        sqlite3_step(drop.get());
    }
}

std::vector<std::int64_t> Fleet::screens_in(const std::string& group) {
    std::lock_guard lock(mutex_);
    std::vector<std::int64_t> ids;
    for (const auto& [key, screen] : screens_) {
        if (group.empty() || screen.group == group) {
            ids.push_back(screen.id);
        }
    }
    return ids;
}

Result<int> Fleet::queue_command(const std::vector<std::int64_t>& ids, CommandAction action,
                                 const std::string& by, std::int64_t now) {
    std::lock_guard lock(mutex_);
    int queued = 0, handed = 0;
    for (const auto& [key, screen] : screens_) {
        if (!ids.empty() && std::find(ids.begin(), ids.end(), screen.id) == ids.end()) {
            continue;
        }
        if (auto queued_one = queue_one(key, screen, action, by, now, true, handed); !queued_one) {
            return queued_one.error();
        }
        ++queued;
    }
    if (!ids.empty() && queued == 0) {
        return make_error(ErrorKind::NotFound, "no such screen");
    }
    log_info("studio: " + std::string(command_action_name(action)) + " for " +
             std::to_string(queued) + " screen(s), " + std::to_string(handed) +
             " of them through the broker at once");
    return queued;
}

void Fleet::give_group_again(const std::string& key, const Screen& screen, std::int64_t now) {
    SqliteStatement recent(db_,
                           "SELECT 1 FROM commands WHERE screen = ? AND action = 'group' AND "
                           "created > ?");
    sqlite3_bind_int64(recent.get(), 1, screen.id);
    sqlite3_bind_int64(recent.get(), 2, now - kRegroupSeconds);
    if (sqlite3_step(recent.get()) == SQLITE_ROW) {
        return;
    }
    int handed = 0;
    // Carried by this report's answer (or the broker's), not handed to the broker as well.
    if (auto queued = queue_one(key, screen, CommandAction::Group, "studio", now, false, handed);
        !queued) {
        log_warning(queued.error().message);
    }
}

Status Fleet::queue_one(const std::string& key, const Screen& screen, CommandAction action,
                        const std::string& by, std::int64_t now, bool hand_now, int& handed) {
    // The latest 开屏/关屏 (or group) is the admin's wish: an earlier one not yet answered is
    // not given (again) after it.
    if (action == CommandAction::DisplayOn || action == CommandAction::DisplayOff ||
        action == CommandAction::Group) {
        SqliteStatement superseded(db_,
                                   action == CommandAction::Group
                                       ? "UPDATE commands SET done = 0, message = 'superseded' "
                                         "WHERE screen = ? AND done IS NULL AND action = "
                                         "'group'"
                                       : "UPDATE commands SET done = 0, message = 'superseded' "
                                         "WHERE screen = ? AND done IS NULL AND action IN "
                                         "('display-on', 'display-off')");
        sqlite3_bind_int64(superseded.get(), 1, screen.id);
        sqlite3_step(superseded.get());
    }
    ScreenCommand command = new_screen_command(action, key, static_cast<std::time_t>(now));
    command.group = screen.group;
    SqliteStatement insert(db_,
                           "INSERT INTO commands (screen, action, nonce, envelope, created, "
                           "expires, by) VALUES (?, ?, ?, ?, ?, ?, ?)");
    sqlite3_bind_int64(insert.get(), 1, screen.id);
    bind_text(insert.get(), 2, std::string(command_action_name(action)));
    bind_text(insert.get(), 3, command.nonce);
    bind_text(insert.get(), 4, sign_screen_command(command, key_));
    sqlite3_bind_int64(insert.get(), 5, now);
    sqlite3_bind_int64(insert.get(), 6, command.expires);
    bind_text(insert.get(), 7, by);
    if (sqlite3_step(insert.get()) != SQLITE_DONE) {
        return make_error(ErrorKind::Failed,
                          std::string("studio: fleet.db: ") + sqlite3_errmsg(db_));
    }
    // The oldest undelivered commands beyond the bound go (superseded ones, answered by the
    // studio itself, do not count).
    SqliteStatement prune(db_,
                          "DELETE FROM commands WHERE screen = ? AND delivered IS NULL AND "
                          "done IS NULL AND id NOT IN (SELECT id FROM commands WHERE "
                          "screen = ? AND delivered IS NULL AND done IS NULL "
                          "ORDER BY id DESC LIMIT ?)");
    sqlite3_bind_int64(prune.get(), 1, screen.id);
    sqlite3_bind_int64(prune.get(), 2, screen.id);
    sqlite3_bind_int(prune.get(), 3, kMostWaitingCommands);
    sqlite3_step(prune.get());
    if (hand_now && screen.online) {
        handed += send_waiting_commands(key, screen, now) > 0 ? 1 : 0;
    }
    return Done{};
}

Json Fleet::overview(std::int64_t now, std::int64_t published, int days) {
    std::lock_guard lock(mutex_);
    Json screens = Json::array();
    std::map<std::int64_t, std::size_t> index;
    for (const auto& [key, screen] : screens_) {
        ScreenState state =
            screen_state(screen.report, std::max(screen.last_seen, started_), now, published);
        // The broker passed on the screen's will (or its last words) after its latest report:
        // it is gone now, not in a report interval or three.
        if (screen.offline_at > screen.last_seen) {
            state.colour = ScreenColour::Red;
            state.reasons.insert(state.reasons.begin(), "已与消息服务器断开（离线遗嘱）");
        }
        Json item;
        item["id"] = screen.id;
        item["key"] = key;
        item["name"] = screen.name;
        item["place"] = screen.place;
        item["group"] = screen.group;
        // Set in the studio, not yet said by the screen's report (its group command on the way).
        item["group_pending"] =
            screen.report.contains("group") && json_text(screen.report, "group") != screen.group;
        item["peer"] = screen.peer;
        item["last_seen"] = screen.last_seen;
        item["screenshot_at"] = screen.screenshot_at;
        item["state"] = screen_colour_name(state.colour);
        item["reasons"] = state.reasons;
        if (screen.online || !screen.session.empty()) {
            item["broker"] = screen.online ? "online" : "offline";
        }
        item["report"] = screen.report;
        item["plays"] = Json::array();
        item["visits"] = 0;
        index[screen.id] = screens.size();
        screens.push_back(std::move(item));
    }
    const std::int64_t since = now - static_cast<std::int64_t>(days) * 86400;
    {
        SqliteStatement plays(db_,
                              "SELECT screen, zone, item, SUM(plays), SUM(seconds) FROM plays "
                              "WHERE hour >= ? GROUP BY screen, zone, item ORDER BY 4 DESC");
        sqlite3_bind_int64(plays.get(), 1, since);
        while (sqlite3_step(plays.get()) == SQLITE_ROW) {
            const auto at = index.find(sqlite3_column_int64(plays.get(), 0));
            if (at != index.end()) {
                screens[at->second]["plays"].push_back(
                    Json{{"zone", column_text(plays.get(), 1)},
                         {"item", column_text(plays.get(), 2)},
                         {"plays", sqlite3_column_int64(plays.get(), 3)},
                         {"seconds", sqlite3_column_int64(plays.get(), 4)}});
            }
        }
    }
    {
        SqliteStatement visits(db_,
                               "SELECT screen, SUM(visits) FROM visits WHERE hour >= ? "
                               "GROUP BY screen");
        sqlite3_bind_int64(visits.get(), 1, since);
        while (sqlite3_step(visits.get()) == SQLITE_ROW) {
            const auto at = index.find(sqlite3_column_int64(visits.get(), 0));
            if (at != index.end()) {
                screens[at->second]["visits"] = sqlite3_column_int64(visits.get(), 1);
            }
        }
    }
    Json waiting = Json::array();
    for (const auto& [key, pending] : pending_) {
        waiting.push_back(Json{{"key", key},
                               {"name", pending.name},
                               {"peer", pending.peer},
                               {"first_seen", pending.first_seen},
                               {"last_seen", pending.last_seen}});
    }
    return Json{{"published", published}, {"now", now}, {"screens", screens}, {"pending", waiting}};
}

}  // namespace placard
