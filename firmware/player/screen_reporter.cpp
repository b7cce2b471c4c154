#include "player/screen_reporter.hpp"

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
