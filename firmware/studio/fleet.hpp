// The studio's view of its screens (issue 16): the screens an admin accepted, their latest
// reports, the screens asking to be accepted, and the commands waiting for each.
//
// A report (POST /api/screens/report, service/studio_reporter.hpp) is signed by the screen's
// own key. A key an admin accepted is a screen: its report is kept (the latest in memory and in
// the database, the play roll-ups in the database) and answered with the commands waiting for
// it, each signed by the studio's key. Any other key is a screen asking to be accepted: it is
// kept in memory only, at most kMostPending of them (the oldest dropped first) — a stranger on
// the LAN can fill that list, but cannot make it cost more, write to disk, or reach a screen.
// A report not newer than the last one taken (by its "sent") is a replay and refused.
//
// The fleet has a database of its own (DATA/fleet.db), apart from the studio's: a thousand
// screens reporting every 30 s write often, in transactions of their own, with synchronous=NORMAL
// (a power cut may lose the last reports, which the screens send again), and never hold up a
// publish. Every use of it is under the fleet's one lock.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "content/screen_command.hpp"
#include "content/signed_manifest.hpp"
#include "core/result.hpp"
#include "http/bounded_http_server.hpp"

struct sqlite3;

namespace placard {

class Fleet {
  public:
    static constexpr std::size_t kMostPending = 32;
    static constexpr std::size_t kMostReportBytes = 256 * 1024;
    static constexpr std::size_t kMostScreenshotBytes = 4 * 1024 * 1024;
    // A screen that keeps missing its reports does not pile up commands.
    static constexpr int kMostWaitingCommands = 20;
    // A screen whose reports say another group than the studio's is given it again, at most
    // once in this time (it may not have reported since it took the last one).
    static constexpr std::int64_t kRegroupSeconds = 120;

    // `started` (unix seconds): when the studio started; a screen's silence counts from then at
    // the earliest, so a studio that was down does not call every screen silent (nor page
    // anyone) before the screens had a chance to report to it again.
    static Result<std::unique_ptr<Fleet>> open(const std::filesystem::path& file,
                                               const SigningKey& key, std::int64_t started = 0);
    ~Fleet();
    Fleet(const Fleet&) = delete;
    Fleet& operator=(const Fleet&) = delete;

    // The answer to a report: 200 with the commands for an accepted screen, 202 for a screen
    // waiting to be accepted, 4xx with the reason for anything else. `peer` is the sender's
    // address, or kBrokerPeer for a report that came through the broker.
    static constexpr const char* kBrokerPeer = "mqtt";
    HttpAnswer take_report(std::string_view body, std::string_view authorization,
                           const std::string& peer, std::int64_t now);

    // A screenshot (PNG) an accepted screen sends for the screenshot command `nonce`, signed
    // with that nonce (screenshot_signed_text), kept as the screen's latest
    // (DATA/screenshots/ID.png): 200, or 4xx with the reason. Each command's once.
    HttpAnswer take_screenshot(std::string_view nonce, std::string_view png,
                               std::string_view authorization, std::int64_t now);
    // The latest screenshot of screen `id`: NotFound when there is none.
    Result<std::string> screenshot(std::int64_t id);

    // Every screen with its state, the screens waiting, and the play statistics of the last
    // `days` days: what GET /api/screens answers.
    nlohmann::json overview(std::int64_t now, std::int64_t published, int days = 7);

    // An admin accepts the screen waiting with `key` (64 hex digits); `name` empty keeps the
    // name it enrolled with.
    Result<std::int64_t> accept(const std::string& key, const std::string& name,
                                const std::string& by, std::int64_t now);
    // An admin enrols a screen by its key without waiting for its first report (a list of a
    // fleet's keys, `placard-studio add-screens`); Stale when it is there already.
    Result<std::int64_t> add(const std::string& key, const std::string& name, const std::string& by,
                             std::int64_t now);
    // Names, places and groups a screen; a new group is signed for the screen (a "group"
    // command, core/audience.hpp: what it shows is cut for the group) and given at once.
    Status describe(std::int64_t id, const std::string& name, const std::string& place,
                    const std::string& group, const std::string& by, std::int64_t now);
    Status remove(std::int64_t id);
    // Signs `action` for each screen of `ids` (all accepted screens when empty) and queues it
    // for its next report; returns how many were queued.
    Result<int> queue_command(const std::vector<std::int64_t>& ids, CommandAction action,
                              const std::string& by, std::int64_t now);
    // Forgets play statistics older than kKeptStatsDays and commands older than a week; the
    // studio calls it hourly.
    void prune(std::int64_t now);
    static constexpr int kKeptStatsDays = 180;

    // Hands a signed command to the broker for the screen with `key` (studio/fleet_broker.hpp);
    // false when it could not. Set: commands for screens online on the broker go at once.
    using Courier = std::function<bool(const std::string& key, const std::string& envelope)>;
    void set_courier(Courier courier);
    // A screen's online flag from the broker (content/fleet_messages.hpp), signed by the screen
    // (`signature`, "ed25519 KEY SIG"). Online: the commands waiting for it go at once. Nothing
    // changes, and the error says why, for a bad signature (Unauthentic), a flag not of an
    // accepted screen (NotFound), or one older than the last taken or of another session (Stale).
    Status take_online_flag(std::string_view text, std::string_view signature, std::int64_t now);

    // The ids of the screens in `group` ("" for every screen).
    std::vector<std::int64_t> screens_in(const std::string& group);

  private:
    struct Screen {
        std::int64_t id = 0;
        std::string name, place, group, peer;
        std::int64_t last_seen = 0, last_sent = 0;
        nlohmann::json report;  // Null until the first report after acceptance.
        std::int64_t screenshot_at = 0;
        // On the broker (in memory only): the session last seen online, when its flag was sent,
        // and when the broker said the screen went offline (its will, or its last words).
        bool online = false;
        std::string session, ended_session;
        std::int64_t online_sent = 0, offline_at = 0;
    };
    struct Pending {
        std::string name, peer;
        std::int64_t first_seen = 0, last_seen = 0;
    };

    Fleet(sqlite3* db, const SigningKey& key, std::filesystem::path screenshots)
        : db_(db), key_(key), screenshots_(std::move(screenshots)) {}
    // The key of a good "Placard-Screen ed25519 KEY SIG" over `body`, or the answer refusing it.
    Result<std::string> signer(std::string_view body, std::string_view authorization);
    Status load();
    // accept() (`waiting_only`: a screen that reported and waits) and add().
    Result<std::int64_t> enrol(const std::string& key, const std::string& name,
                               const std::string& by, std::int64_t now, bool waiting_only);
    // Under the lock: a new accepted screen.
    Result<std::int64_t> insert_screen(const std::string& key, Screen screen, const std::string& by,
                                       std::int64_t now);
    Status execute(const char* sql);
    void keep_report(Screen& screen, const nlohmann::json& report, const std::string& body,
                     std::int64_t now);
    nlohmann::json deliver_commands(const Screen& screen, std::int64_t now);
    // Under the lock: signs `action` for `screen` (a group command names its group) and queues
    // it; with `hand_now`, handed to the broker at once when the screen is online there
    // (`handed` counts it).
    Status queue_one(const std::string& key, const Screen& screen, CommandAction action,
                     const std::string& by, std::int64_t now, bool hand_now, int& handed);
    // Under the lock: a group command for a screen whose report says another group than the
    // studio's, unless one was signed for it in the last kRegroupSeconds (the screen may not
    // have reported since taking it).
    void give_group_again(const std::string& key, const Screen& screen, std::int64_t now);
    // Under the lock: the commands waiting for `screen` handed to the courier; how many.
    int send_waiting_commands(const std::string& key, const Screen& screen, std::int64_t now);

    sqlite3* db_;
    SigningKey key_;
    std::filesystem::path screenshots_;
    std::int64_t started_ = 0;
    std::mutex mutex_;
    std::map<std::string, Screen> screens_;  // By key (hex).
    std::map<std::string, Pending> pending_;
    Courier courier_;
};

}  // namespace placard
