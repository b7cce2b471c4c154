// placard-tool fetch [--config FILE]: one poll of the configured feed into the store, as the
// player's own poller does it. Exit 0 when the feed was taken or unchanged, 1 when refused.
// placard-tool status [--config FILE]: what the store holds and the last error.
#include <sys/timex.h>

#include <cstdio>

#include "commands.hpp"
#include "content/notice_register.hpp"
#include "core/notice.hpp"
#include "player/player_status.hpp"
#include "runtime/device_config.hpp"
#include "runtime/log.hpp"
#include "service/bundle_images.hpp"
#include "service/content_writer.hpp"
#include "service/feed_poller.hpp"

namespace placard::tool {
namespace {

// Reads "--config FILE" (the only option both commands take).
bool config_option(const Arguments& arguments, const char* command, std::string& path) {
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == "--config" && i + 1 < arguments.size()) {
            path = arguments[++i];
        } else {
            log_error(std::string(command) + ": usage: " + command + " [--config FILE]");
            return false;
        }
    }
    return true;
}

}  // namespace

int fetch_command(const Arguments& arguments) {
    std::string path;
    if (!config_option(arguments, "fetch", path)) {
        return 2;
    }
    auto config = load_device_config(path);
    if (!config) {
        log_error(config.error().message);
        return 1;
    }
    if (config->feed_url.empty()) {
        log_error("fetch: the configuration has no feed_url");
        return 1;
    }
    auto writer = open_content_writer(*config);
    if (!writer) {
        log_error(writer.error().message);
        return 1;
    }
    FeedUpdater updater(writer->store, *config, writer->policy, check_bundle_images);
    const UpdateOutcome outcome = updater.poll_once();
    log_update_outcome(outcome);
    return outcome.kind == UpdateOutcome::Kind::Refused ? 1 : 0;
}

namespace {

// Whether the kernel's clock is kept in step (NTP via systemd-timesyncd or chrony): adjtimex(2)
// reports STA_UNSYNC until a time service has set it.
std::string describe_clock_sync() {
    timex state{};
    const int result = ::adjtimex(&state);
    if (result == -1) {
        return "unknown (adjtimex failed)";
    }
    if (result == TIME_ERROR || (state.status & STA_UNSYNC) != 0) {
        return "not synchronised: schedules, screen hours and notices follow this clock, which "
               "no time service has set (check systemd-timesyncd or chrony)";
    }
    return "synchronised";
}

}  // namespace

int status_command(const Arguments& arguments) {
    std::string path;
    if (!config_option(arguments, "status", path)) {
        return 2;
    }
    auto config = load_device_config(path);
    if (!config) {
        log_error(config.error().message);
        return 1;
    }
    // Reading only: `status` never creates, cleans or locks anything in the store.
    const auto store = ContentStore::for_reading(config->store_dir);
    const UpdateStatus status = load_update_status(store.status_file());
    const auto version = store.current_version();
    std::printf("store:          %s\n", store.root().c_str());
    std::printf("current:        %s\n",
                version ? ("version " + std::to_string(*version)).c_str() : "none");
    std::printf("from:           %s\n", status.source.empty() ? "-" : status.source.c_str());
    std::printf("taken at:       %s\n", status.taken_at.empty() ? "-" : status.taken_at.c_str());
    std::printf("last poll:      %s\n",
                status.last_poll_at.empty() ? "-" : status.last_poll_at.c_str());
    if (const auto highest = store.highest_version()) {
        std::printf("highest taken:  version %lld\n", static_cast<long long>(*highest));
    }
    if (PlayerStatus screen; read_player_status(config->player_status, screen)) {
        std::printf("on screen:      version %lld%s\n", static_cast<long long>(screen.version),
                    screen.fallback_reason.empty()
                        ? ""
                        : (" (an older version: " + screen.fallback_reason + ")").c_str());
        // A planned "off" is said as planned: screen hours, and how the display was switched.
        if (!screen.screen.empty()) {
            std::printf("screen:         %s\n", screen.screen.c_str());
        }
        if (!screen.display.empty()) {
            std::printf("display:        %s\n", screen.display.c_str());
        }
    }
    // Schedules, screen hours and notices read the clock: say whether it can be trusted.
    std::printf("clock:          %s\n", describe_clock_sync().c_str());
    const WallTime now = system_wall_time();
    std::vector<Notice> notices;
    if (auto loaded = load_notice_register(notice_register_file(store)); loaded) {
        for (RegisteredNotice& entry : loaded->notices) {
            notices.push_back(std::move(entry.notice));
        }
    } else {
        std::printf("notices:        the register cannot be read: %s\n",
                    loaded.error().message.c_str());
    }
    const std::vector<Notice> newest = newest_of_each_id(notices);  // The view points into it.
    const NoticeView view = notice_view_at(newest, now, config->notice_max_s);
    std::printf("notices:        %zu taken; %s\n", notices.size(),
                view.kind == NoticeView::Kind::None ? "none showing"
                : view.kind == NoticeView::Kind::FullScreen
                    ? ("\"" + view.notice->id + "\" on the whole screen").c_str()
                : view.kind == NoticeView::Kind::Band
                    ? ("\"" + view.notice->id + "\" in the band").c_str()
                    : ("the all-clear of \"" + view.notice->id + "\"").c_str());
    std::printf("last error:     %s\n",
                status.last_error.empty() ? "none" : status.last_error.c_str());
    if (!status.last_error.empty()) {
        std::printf("error at:       %s (%d failures in a row)\n", status.last_error_at.c_str(),
                    status.consecutive_failures);
        // What kind of refusal, and from where: "unauthentic" is a key to check, "failed"
        // this device's fault (it tries again), the rest the content's.
        std::printf("error kind:     %s, from %s\n",
                    status.last_error_kind.empty() ? "-" : status.last_error_kind.c_str(),
                    status.last_error_source.empty() ? "-" : status.last_error_source.c_str());
    }
    return 0;
}

}  // namespace placard::tool
