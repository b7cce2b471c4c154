#include "player/screen_reporter.hpp"

#include <cmath>
#include <ctime>

#include "content/update_status.hpp"
#include "runtime/log.hpp"

namespace placard {

ScreenReporter::ScreenReporter(std::vector<std::unique_ptr<DisplayPowerMethod>> power_methods,
                               std::filesystem::path status_file, PlayerStatus first)
    : display_power_(std::move(power_methods)),
      status_file_(std::move(status_file)),
      status_(std::move(first)) {
    write_status();
}

void ScreenReporter::write_status() {
    if (!status_file_.empty()) {
        status_written_wall_ = -1;  // Set by heartbeat(), which knows the time.
        write_player_status(status_file_, status_);
    }
}

bool ScreenReporter::after_frame(const PlayerFrame& player, const FrameOutcome& outcome) {
    bool repaint = false;
    if (const NoticeView& view = player.notice_view();
        view.kind != notice_kind_ ||
        (view.notice &&
         (view.notice->id != notice_id_ || view.notice->issued.unix_seconds != notice_issued_))) {
        notice_kind_ = view.kind;
        notice_id_ = view.notice ? view.notice->id : std::string();
        notice_issued_ = view.notice ? view.notice->issued.unix_seconds : 0;
        log_info(describe_notice_view(view));
    }
    if (const ScreenPowerDecision& power = player.screen_power(); power_wanted_ != power.on) {
        // With screen hours, the first decision is sent too: a player restarted in opening hours
        // turns on a display its last run left off. Without them nothing is ever switched.
        if (power_wanted_ || power.reason != ScreenPowerDecision::Reason::NoHours) {
            display_power_.want(power.on);
        }
        power_wanted_ = power.on;
        status_.screen = describe_power_decision(power);
        log_info("screen " + status_.screen);
        write_status();
    }
    if (auto report = display_power_.take_report();
        report && describe_display(*report) != status_.display) {
        status_.display = describe_display(*report);
        // A display switched back on (DPMS, CEC) lost what was presented while it was off.
        repaint = report->wanted_on && report->display_on;
        if (report->problems.empty()) {
            log_info("display " + status_.display);
        } else {
            log_warning("display " + status_.display);
        }
        write_status();
    }
    if (outcome.layout_changed) {
        const std::string& id = player.snapshot().layout_id;
        log_info(id.empty() ? std::string("layout: the content's own (no scheduled layout plays)")
                            : "layout: \"" + id + "\" (scheduled)");
    }
    if (outcome.swapped_to_version >= 0) {
        log_info("showing content version " + std::to_string(outcome.swapped_to_version));
        status_.version = outcome.swapped_to_version;
        status_.folder = player.snapshot().stamp.target.string();
        status_.fallback_reason.clear();
        write_status();
    }
    return repaint;
}

void ScreenReporter::heartbeat(const PlayerFrame& player, bool presented, double wall_s) {
    if (presented) {
        last_frame_wall_ = wall_s;
    }
    if (status_file_.empty() ||
        (status_written_wall_ >= 0 && wall_s - status_written_wall_ < kHeartbeatSeconds &&
         wall_s >= status_written_wall_)) {
        return;
    }
    if (last_frame_wall_ >= 0) {
        const auto seconds = static_cast<std::time_t>(std::floor(last_frame_wall_));
        std::tm utc{};
        gmtime_r(&seconds, &utc);
        char text[32];
        std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
        status_.last_frame_at = text;
    }
    status_.showing = describe_showing(player);
    write_status();
    status_written_wall_ = wall_s;
}

void ScreenReporter::screenshot_taken(const std::string& nonce, bool dark) {
    status_.screenshot = nonce;
    status_.screenshot_at = now_rfc3339();
    status_.screenshot_dark = dark;
    write_status();
}

std::string describe_showing(const PlayerFrame& player) {
    if (!player.screen_power().on) {
        return "dark (screen hours)";
    }
    const NoticeView& view = player.notice_view();
    if (view.kind == NoticeView::Kind::FullScreen && view.notice != nullptr) {
        return "urgent notice " + view.notice->id;
    }
    std::string text;
    if (!player.touch().on_home()) {
        const std::string& key = player.touch().screen_key();
        text = key.starts_with("a:")   ? "article " + key.substr(2)
               : key.starts_with("c:") ? "channel " + key.substr(2)
                                       : std::string("reading");
    } else {
        const FrameState& state = player.shown_state();
        const HomeScreenLayout& home = *player.snapshot().home;
        const int banner = state.next_banner >= 0 ? state.next_banner : state.banner;
        const int page = state.next_page >= 0 ? state.next_page : state.page;
        if (banner >= 0 && static_cast<std::size_t>(banner) < home.banners.size()) {
            text = "banner " + home.banners[static_cast<std::size_t>(banner)].id;
        }
        if (page >= 0 && static_cast<std::size_t>(page) < home.page_articles.size()) {
            text += (text.empty() ? "" : "; ") + std::string("excerpt ") +
                    home.page_articles[static_cast<std::size_t>(page)];
        }
    }
    if (view.kind == NoticeView::Kind::Band && view.notice != nullptr) {
        text += (text.empty() ? "" : "; ") + notice_level_name(view.notice->level) + " notice " +
                view.notice->id;
    }
    return text.empty() ? std::string("home") : text;
}

std::string describe_notice_view(const NoticeView& view) {
    switch (view.kind) {
        case NoticeView::Kind::None:
            return "urgent notices: none on screen";
        case NoticeView::Kind::FullScreen:
            return "urgent notice \"" + view.notice->id + "\" on the whole screen";
        case NoticeView::Kind::Band:
            return notice_level_name(view.notice->level) + " notice \"" + view.notice->id +
                   "\" in the band (" + std::to_string(view.position) + " of " +
                   std::to_string(view.count) + ")";
        case NoticeView::Kind::AllClear:
            return "all-clear card for notice \"" + view.notice->id + "\"";
    }
    return {};
}

std::string describe_display(const DisplayPowerReport& report) {
    std::string text =
        report.method == "black picture"
            ? std::string(report.wanted_on ? "on" : "lit, showing a black picture")
            : std::string(report.display_on ? "on" : "off") + ", by " + report.method;
    for (const std::string& problem : report.problems) {
        text += "; tried " + problem;
    }
    return text;
}

}  // namespace placard
