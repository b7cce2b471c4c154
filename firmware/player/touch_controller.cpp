#include "player/touch_controller.hpp"

#include <cmath>

#include "runtime/log.hpp"

namespace placard {

TouchController::TouchController(FontLibrary& fonts, double idle_timeout_s,
                                 ReadingScreenCache* cache)
    : fonts_(fonts), navigator_(idle_timeout_s), cache_(cache) {}

void TouchController::set_content(std::shared_ptr<const Snapshot> snapshot, double t) {
    snapshot_ = std::move(snapshot);
    reading_.reset();
    reading_for_.clear();
    pressed_.reset();
    const NavigationState& state = navigator_.state();
    if (state.screen == ScreenKind::Article && !snapshot_->feed.find_article(state.article)) {
        navigator_.go_home(t);
    }
    follow_navigation(t);
    touch_view(Rect{0, 0, snapshot_->home->geometry.width, snapshot_->home->geometry.height});
}

void TouchController::touch_view(const Rect& area, bool scroll) {
    only_scrolled_ = scroll && (only_scrolled_ || changed_area_.empty());
    changed_area_ = changed_area_.empty() ? area : DamageList::bounding(changed_area_, area);
    ++generation_;
}

Rect TouchController::screen_area(const TouchTarget& target) const {
    if (reading_ && !on_home() && target.scrolls) {
        return reading_->viewport;
    }
    return target.area;
}

int TouchController::scroll_px() const {
    return static_cast<int>(std::lround(navigator_.state().scroll));
}

// Builds the reading screen the navigator is on, when it changed.
void TouchController::follow_navigation(double t) {
    const NavigationState& state = navigator_.state();
    const std::string key = state.screen == ScreenKind::Article   ? "a:" + state.article
                            : state.screen == ScreenKind::Channel ? "c:" + state.channel
                                                                  : std::string();
    if (key == reading_for_) {
        return;
    }
    reading_for_ = key;
    reading_.reset();
    const HomeScreenGeometry& geometry = snapshot_->home->geometry;
    // Laid out ahead by the cache's worker when it has got to it; else here, once.
    std::shared_ptr<const ReadingScreenLayout> ready =
        cache_ && !key.empty() ? cache_->find(*snapshot_, key) : nullptr;
    Result<std::shared_ptr<const ReadingScreenLayout>> built = make_error("");
    if (ready) {
        built = std::move(ready);
    } else if (!key.empty()) {
        auto laid_out = build_reading_screen(snapshot_->feed, key, geometry, fonts_);
        if (laid_out) {
            built = std::shared_ptr<const ReadingScreenLayout>(std::move(laid_out.value()));
        } else {
            built = laid_out.error();
        }
    }
    if (built) {
        reading_ = std::move(built.value());
        navigator_.set_scroll_limit(reading_->scroll_limit());
    } else if (!key.empty()) {
        if (!built.error().message.empty()) {
            log_error(built.error().message);
        }
        navigator_.go_home(t);
        reading_for_.clear();
    }
    touch_view(Rect{0, 0, geometry.width, geometry.height});
}

const TouchTarget* TouchController::hit(double x, double y, const FrameState& home_state) const {
    const auto inside = [&](const Rect& r, double dy) {
        return x >= r.x && x < r.right() && y >= r.y + dy && y < r.bottom() + dy;
    };
    if (on_home()) {
        for (const TouchTarget& target : home_targets_) {
            if (inside(target.area, 0)) {
                return &target;
            }
        }
        (void)home_state;
        return nullptr;
    }
    if (!reading_) {
        return nullptr;
    }
    const double scrolled = reading_->viewport.y - navigator_.state().scroll;
    for (const TouchTarget& target : reading_->targets) {
        if (target.scrolls) {
            const bool in_viewport = y >= reading_->viewport.y && y < reading_->viewport.bottom();
            if (in_viewport && inside(target.area, scrolled)) {
                return &target;
            }
        } else if (inside(target.area, 0)) {
            return &target;
        }
    }
    return nullptr;
}

void TouchController::pointer(const PointerEvent& event, const FrameState& home_state) {
    if (!snapshot_) {
        return;
    }
    navigator_.touched(event.t);
    if (on_home()) {
        home_targets_ = home_targets(snapshot_->feed, *snapshot_->home, home_state);
    }
    gestures_.clear();
    recognizer_.feed(event, gestures_);
    for (const Gesture& gesture : gestures_) {
        apply(gesture, home_state, event.t);
    }
}

void TouchController::abandon_gesture(double t) {
    recognizer_.abandon();
    if (pressed_) {
        touch_view(screen_area(*pressed_));
        pressed_.reset();
    }
    if (navigator_.state().dragging) {
        navigator_.release(0, t);
    }
}

void TouchController::open_article(const std::string& id, double t) {
    const Article* article = snapshot_->feed.find_article(id);
    if (article == nullptr) {
        return;
    }
    navigator_.touched(t);
    navigator_.open_article(article->channel, article->id, t);
    follow_navigation(t);
}

void TouchController::apply(const Gesture& gesture, const FrameState& home_state, double t) {
    switch (gesture.kind) {
        case Gesture::Kind::Press:
            // A press tints its target only: only the target is repainted.
            if (const TouchTarget* target = hit(gesture.x, gesture.y, home_state)) {
                pressed_ = std::make_unique<TouchTarget>(*target);
                touch_view(screen_area(*pressed_));
            }
            return;
        case Gesture::Kind::Cancel:
            if (pressed_) {
                touch_view(screen_area(*pressed_));
                pressed_.reset();
            }
            return;
        case Gesture::Kind::Tap: {
            const TouchTarget* target = hit(gesture.x, gesture.y, home_state);
            if (pressed_) {
                touch_view(screen_area(*pressed_));
                pressed_.reset();
            }
            if (!target) {
                return;
            }
            const TouchTarget chosen = *target;
            switch (chosen.action) {
                case TouchTarget::Action::OpenArticle:
                    if (!chosen.article.empty()) {
                        navigator_.open_article(chosen.channel, chosen.article, t);
                    }
                    break;
                case TouchTarget::Action::OpenChannel:
                    navigator_.open_channel(chosen.channel, t);
                    break;
                case TouchTarget::Action::Home:
                    navigator_.go_home(t);
                    break;
                case TouchTarget::Action::Back:
                    navigator_.back(t);
                    break;
            }
            follow_navigation(t);
            return;
        }
        case Gesture::Kind::Swipe: {
            const int step = gesture.dx < 0 ? 1 : -1;  // To the left: the next one.
            if (on_home()) {
                navigator_.swipe_banner(step);
                touch_view(snapshot_->home->geometry.banner);
                return;
            }
            if (navigator_.state().screen == ScreenKind::Article) {
                const auto list = channel_articles(snapshot_->feed, navigator_.state().channel);
                for (std::size_t i = 0; i < list.size(); ++i) {
                    if (list[i]->id == navigator_.state().article) {
                        const long next = static_cast<long>(i) + step;
                        if (next >= 0 && next < static_cast<long>(list.size())) {
                            navigator_.open_article(list[next]->channel, list[next]->id, t);
                            follow_navigation(t);
                        }
                        break;
                    }
                }
            }
            return;
        }
        case Gesture::Kind::DragBy:
            if (!on_home()) {
                navigator_.drag_by(gesture.dy, t);
            }
            return;
        case Gesture::Kind::Release:
            if (!on_home()) {
                navigator_.release(gesture.velocity_y, t);
            }
            return;
    }
}

void TouchController::tick(double t) {
    if (!snapshot_) {
        return;
    }
    const ScreenKind before = navigator_.state().screen;
    navigator_.tick(t);
    if (navigator_.state().screen != before) {
        follow_navigation(t);  // The idle timeout went home.
    }
    // Every change of the whole-pixel offset the text is drawn at is a change of the view (a
    // fling's slow tail moves less than half a pixel a frame: a threshold on the exact offset
    // once let a rounding step pass undrawn, and the next scroll moved stale pixels).
    if (reading_ && scroll_px() != shown_scroll_px_) {
        shown_scroll_px_ = scroll_px();
        touch_view(reading_->viewport, true);
    }
}

void TouchController::draw(Canvas& canvas, HomeScreenPainter& painter, const FrameState& home_state,
                           WallTime now, const Rect& area) {
    const HomeScreenLayout& home = *snapshot_->home;
    if (on_home() || !reading_) {
        painter.draw(canvas, home, home_state, now, area);
        // The pressed tile or zone: a light veil over it while the finger is down.
        if (pressed_) {
            canvas.set_clip(area);
            canvas.fill(pressed_->area, 0x33FFFFFF);
            canvas.reset_clip();
        }
        return;
    }
    draw_reading_screen(canvas, painter.glyph_cache(), painter, home, *reading_,
                        static_cast<float>(scroll_px()), pressed_.get(), now, area);
}

std::vector<PointerEvent> TouchController::pointer_events(const std::vector<InputEvent>& script) {
    std::vector<PointerEvent> events;
    for (const InputEvent& input : script) {
        events.push_back({PointerEvent::Kind::Down, input.at_s, input.x0, input.y0});
        if (input.action == InputEvent::Action::Tap) {
            events.push_back({PointerEvent::Kind::Up, input.at_s + 0.08, input.x0, input.y0});
            continue;
        }
        const int steps = std::max(2, static_cast<int>(std::ceil(input.duration_s * 60)));
        for (int i = 1; i <= steps; ++i) {
            const double f = static_cast<double>(i) / steps;
            events.push_back({PointerEvent::Kind::Move, input.at_s + f * input.duration_s,
                              input.x0 + f * (input.x1 - input.x0),
                              input.y0 + f * (input.y1 - input.y0)});
        }
        events.push_back(
            {PointerEvent::Kind::Up, input.at_s + input.duration_s + 0.001, input.x1, input.y1});
    }
    return events;
}

}  // namespace placard
