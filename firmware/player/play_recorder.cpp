#include "player/play_recorder.hpp"

#include <cmath>

namespace placard {

void PlayRecorder::end(std::optional<Showing>& slot, double now) {
    if (!slot) {
        return;
    }
    const double seconds = now - slot->since;
    if (seconds > 0) {
        log_.record(PlayRecord{slot->zone, slot->item, slot->version,
                               static_cast<std::int64_t>(std::floor(slot->since)), seconds});
    }
    slot.reset();
}

void PlayRecorder::show(std::optional<Showing>& slot, const std::string& zone,
                        const std::string& item, std::int64_t version, double now) {
    if (slot && slot->item == item && slot->version == version) {
        return;
    }
    end(slot, now);
    if (!item.empty()) {
        slot = Showing{zone, item, version, now};
    }
}

void PlayRecorder::end_screen(double now) {
    if (!screen_.empty()) {
        screens_seen_ += (screens_seen_.empty() ? "" : "; ") + screen_ + " " +
                         std::to_string(static_cast<long long>(std::lround(now - screen_since_)));
        screen_.clear();
    }
}

void PlayRecorder::after_frame(const PlayerFrame& player, double now) {
    const bool dark = !player.screen_power().on;
    const NoticeView& view = player.notice_view();
    const bool full_screen = view.kind == NoticeView::Kind::FullScreen;
    const Snapshot& snapshot = player.snapshot();
    const std::int64_t version = snapshot.feed.version;
    // The notice: any kind that shows, counted by its id.
    if (!dark && view.notice != nullptr && view.kind != NoticeView::Kind::None) {
        show(notice_, "notice", view.notice->id, version, now);
    } else {
        end(notice_, now);
    }
    // The banner and the excerpt, while the home screen shows them.
    const bool home_visible = !dark && !full_screen && player.touch().on_home();
    const FrameState& state = player.shown_state();
    const HomeScreenLayout& home = *snapshot.home;
    const int banner = state.next_banner >= 0 ? state.next_banner : state.banner;
    const int page = state.next_page >= 0 ? state.next_page : state.page;
    if (home_visible && banner >= 0 && static_cast<std::size_t>(banner) < home.banners.size()) {
        show(banner_, "banner", home.banners[static_cast<std::size_t>(banner)].id, version, now);
    } else {
        end(banner_, now);
    }
    if (home_visible && page >= 0 && static_cast<std::size_t>(page) < home.page_articles.size()) {
        show(excerpt_, "excerpt", home.page_articles[static_cast<std::size_t>(page)], version, now);
    } else {
        end(excerpt_, now);
    }
    // The visitor's session: from the first screen opened until the screen is home again.
    const std::string& key = player.touch().screen_key();
    if (key != screen_) {
        end_screen(now);
        if (!key.empty()) {
            if (!visit_start_) {
                visit_start_ = now;
            }
            screen_ = key;
            screen_since_ = now;
        } else if (visit_start_) {
            log_.record(VisitRecord{static_cast<std::int64_t>(std::floor(*visit_start_)),
                                    now - *visit_start_, screens_seen_});
            visit_start_.reset();
            screens_seen_.clear();
        }
    }
}

void PlayRecorder::finish(double now) {
    end(banner_, now);
    end(excerpt_, now);
    end(notice_, now);
    end_screen(now);
    if (visit_start_) {
        log_.record(VisitRecord{static_cast<std::int64_t>(std::floor(*visit_start_)),
                                now - *visit_start_, screens_seen_});
        visit_start_.reset();
    }
}

}  // namespace placard
