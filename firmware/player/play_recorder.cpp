#include "player/play_recorder.hpp"

#include <cmath>

namespace placard {

void PlayRecorder::end(std::optional<Showing>& slot, Now now) {
    if (!slot) {
        return;
    }
    const double seconds = now.clock - slot->since_clock;
    if (seconds > 0) {
        log_.record(PlayRecord{slot->zone, slot->item, slot->version,
                               static_cast<std::int64_t>(std::floor(slot->since_wall)), seconds});
    }
    slot.reset();
}

// A showing is the same while its item is: a content swap that keeps the banner on screen does
// not count it twice (the record keeps the version it began under).
void PlayRecorder::show(std::optional<Showing>& slot, const std::string& zone,
                        const std::string& item, std::int64_t version, Now now) {
    if (slot && slot->item == item) {
        return;
    }
    end(slot, now);
    if (!item.empty()) {
        slot = Showing{zone, item, version, now.clock, now.wall};
    }
}

// The side slot's two banners: one that stays on screen while the other changes (or moves up a
// place) is one showing, not two.
void PlayRecorder::show_side(const HomeScreenLayout& home, const FrameState& state, bool visible,
                             std::int64_t version, Now now) {
    const std::string* shown[2] = {nullptr, nullptr};
    int place = 0;
    for (const int index : {state.side_first, state.side_second}) {
        if (visible && index >= 0 && static_cast<std::size_t>(index) < home.side_banners.size()) {
            shown[place++] = &home.side_banners[static_cast<std::size_t>(index)].id;
        }
    }
    const auto is_shown = [&](const std::string& item) {
        return (shown[0] && *shown[0] == item) || (shown[1] && *shown[1] == item);
    };
    for (std::optional<Showing>& slot : side_) {
        if (slot && !is_shown(slot->item)) {
            end(slot, now);
        }
    }
    for (const std::string* item : shown) {
        if (!item || (side_[0] && side_[0]->item == *item) ||
            (side_[1] && side_[1]->item == *item)) {
            continue;
        }
        std::optional<Showing>& free = side_[0] ? side_[1] : side_[0];
        show(free, "side", *item, version, now);
    }
}

void PlayRecorder::end_screen(Now now) {
    if (!screen_.empty()) {
        const std::string entry =
            screen_ + " " +
            std::to_string(static_cast<long long>(std::lround(now.clock - screen_since_)));
        if (screens_seen_.size() + entry.size() + 2 <= kMostVisitScreensBytes) {
            screens_seen_ += (screens_seen_.empty() ? "" : "; ") + entry;
        }
        screen_.clear();
    }
}

void PlayRecorder::end_visit(Now now) {
    if (visit_start_) {
        log_.record(VisitRecord{static_cast<std::int64_t>(std::floor(visit_start_->wall)),
                                now.clock - visit_start_->clock, screens_seen_});
        visit_start_.reset();
        screens_seen_.clear();
    }
}

void PlayRecorder::after_frame(const PlayerFrame& player, double clock_s, double wall_s) {
    const Now now{clock_s, wall_s};
    // At each new minute what is showing is cut: written within the minute, in its own hour.
    const auto minute = static_cast<long long>(std::floor(wall_s / 60));
    if (minute != minute_ && minute_ >= 0) {
        for (std::optional<Showing>* slot : {&banner_, &excerpt_, &notice_, &side_[0], &side_[1]}) {
            if (*slot) {
                Showing again = **slot;
                end(*slot, now);
                again.since_clock = now.clock;
                again.since_wall = now.wall;
                *slot = std::move(again);
            }
        }
    }
    minute_ = minute;
    const bool dark = !player.screen_power().on;
    const NoticeView& view = player.notice_view();
    const bool full_screen = view.kind == NoticeView::Kind::FullScreen;
    const Snapshot& snapshot = player.snapshot();
    const std::int64_t version = snapshot.feed.version;
    // The notice: any kind that shows, counted by its id; its "version" is when it was issued
    // (an update is another notice of the same id).
    if (!dark && view.notice != nullptr && view.kind != NoticeView::Kind::None) {
        if (notice_ && notice_->version != view.notice->issued.unix_seconds) {
            end(notice_, now);
        }
        show(notice_, "notice", view.notice->id, view.notice->issued.unix_seconds, now);
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
    show_side(home, state, home_visible, version, now);
    // The visitor's session: from the first screen opened until the screen is home again (or
    // four hours, whichever comes first).
    const std::string& key = player.touch().screen_key();
    if (visit_start_ && now.clock - visit_start_->clock > kLongestVisitSeconds) {
        end_screen(now);
        end_visit(now);
    }
    if (key != screen_) {
        end_screen(now);
        if (!key.empty()) {
            if (!visit_start_) {
                visit_start_ = now;
            }
            screen_ = key;
            screen_since_ = now.clock;
        } else {
            end_visit(now);
        }
    }
}

void PlayRecorder::finish(double clock_s, double wall_s) {
    const Now now{clock_s, wall_s};
    end(banner_, now);
    end(excerpt_, now);
    end(notice_, now);
    end(side_[0], now);
    end(side_[1], now);
    end_screen(now);
    end_visit(now);
}

}  // namespace placard
