#include "app/player.hpp"

#include <SDL.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <optional>

#include "app/content_watcher.hpp"
#include "app/device_config.hpp"
#include "app/font_setup.hpp"
#include "app/frame_stats.hpp"
#include "app/import_notices.hpp"
#include "app/install_paths.hpp"
#include "app/log.hpp"
#include "app/player_status.hpp"
#include "app/snapshot.hpp"
#include "app/systemd_notify.hpp"
#include "app/touch_controller.hpp"
#include "content/bundle_reader.hpp"
#include "content/content_store.hpp"
#include "core/clock.hpp"
#include "core/input_script.hpp"
#include "render/headless_display.hpp"
#include "render/sdl_window_display.hpp"
#include "render/text_painter.hpp"

namespace placard {
namespace {

namespace fs = std::filesystem;
using SteadyTime = std::chrono::steady_clock::time_point;

double milliseconds_since(SteadyTime start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

// The virtual clock's wall time starts at the feed's "generated" time, so a screenshot depends
// only on content, input and t; without one, at a fixed instant.
WallTime virtual_start(const Feed& feed) {
    if (feed.generated) {
        return *feed.generated;
    }
    return *parse_rfc3339("2026-01-01T09:00:00+08:00");
}

void log_problems(const std::string& message) {
    std::size_t start = 0;
    while (start <= message.size()) {
        const std::size_t end = std::min(message.find('\n', start), message.size());
        log_error(std::string_view(message).substr(start, end - start));
        start = end + 1;
    }
}

std::string resolve_content_dir(const PlayerOptions& options) {
    if (!options.content_dir.empty()) {
        return options.content_dir;
    }
    return default_content_dir();
}

}  // namespace

int render_screenshot(const PlayerOptions& options) {
    const SteadyTime start = std::chrono::steady_clock::now();
    const std::string dir = resolve_content_dir(options);
    if (dir.empty()) {
        log_error("no --content given and the demo content is not installed");
        return 1;
    }
    auto config = load_device_config(options.config);
    if (!config) {
        log_error(config.error().message);
        return 1;
    }
    set_panel_width_mm(config->screen_width_mm);
    std::vector<PointerEvent> events;
    if (!options.input_script.empty()) {
        auto text = read_file(options.input_script, 1024 * 1024);
        if (!text) {
            log_error(text.error().message);
            return 1;
        }
        auto script = parse_input_script(*text, options.input_script);
        if (!script) {
            log_error(script.error().message);
            return 1;
        }
        events = TouchController::pointer_events(*script);
    }
    auto fonts = open_configured_fonts();
    if (!fonts) {
        log_error(fonts.error().message);
        return 1;
    }
    const int width = options.width > 0 ? options.width : 1920;
    const int height = options.height > 0 ? options.height : 1080;
    HeadlessDisplay display(width, height,
                            options.rotation != 0 ? options.rotation : config->rotation);
    Canvas canvas = display.canvas();
    auto snapshot = load_snapshot(dir, **fonts, canvas.width(), canvas.height());
    if (!snapshot) {
        log_problems(snapshot.error().message);
        return 1;
    }
    const WallTime wall_start = virtual_start((*snapshot)->feed);
    const HomeScreenLayout& home = *(*snapshot)->home;
    GlyphCache glyphs;
    HomeScreenPainter painter(glyphs);
    TouchController controller(**fonts, config->idle_timeout_s);
    controller.set_content(*snapshot, 0);
    const double at = *options.at_s;
    // Replay the script through the same recognizer and navigator as live input, a frame
    // (1/60 s) at a time, so that inertia and idle timeouts come out as on a screen.
    if (!events.empty()) {
        const double until = std::min(at, events.back().t + config->idle_timeout_s + 5);
        std::size_t next = 0;
        for (double t = events.front().t; t <= until; t += kFrameSeconds) {
            const FrameState state = painter.state_at(home, t, wall_start.plus_seconds(t),
                                                      controller.navigation().banner_shift);
            while (next < events.size() && events[next].t <= t) {
                controller.pointer(events[next++], state);
            }
            controller.tick(t);
        }
    }
    controller.tick(at);
    const WallTime now = wall_start.plus_seconds(at);
    const FrameState state = painter.state_at(home, at, now, controller.navigation().banner_shift);
    controller.draw(canvas, painter, state, now, Rect{0, 0, canvas.width(), canvas.height()});
    if (auto written = display.write_png(options.screenshot); !written) {
        log_error(written.error().message);
        return 1;
    }
    log_info("wrote " + options.screenshot + " (" + std::to_string(width) + "x" +
             std::to_string(height) + ", t = " + std::to_string(at) + " s) in " +
             std::to_string(static_cast<int>(milliseconds_since(start))) + " ms");
    return 0;
}

int run_player(const PlayerOptions& options) {
    const SteadyTime start = std::chrono::steady_clock::now();
    auto config = load_device_config(options.config);
    if (!config) {
        log_error(config.error().message);
        return 1;
    }
    set_panel_width_mm(config->screen_width_mm);
    // A panel mounted sideways: --rotate, else the configuration's `rotate`. Touches turn with
    // the picture (SdlWindowDisplay::to_logical).
    const int rotation = options.rotation != 0 ? options.rotation : config->rotation;
    // With a network feed, the store's current version is what the screen shows (and watches);
    // until the first version arrives, the --content folder or the demo.
    std::optional<ContentStore> store;
    std::string watched;
    const bool takes_bundles = !config->inbox_dir.empty() || !config->upload_token.empty();
    // With a feed or bundles configured, the content service fills the store; the player only
    // reads it (never creates, cleans or locks anything there).
    if (!config->feed_url.empty() || takes_bundles) {
        store = ContentStore::for_reading(config->store_dir);
        watched = (store->root() / "current").string();
    }
    // What the watched store holds as the screen's content is chosen (read first, so that a
    // version the content service commits from now on differs from it and is loaded).
    const FeedStamp watched_at_start = watched.empty() ? FeedStamp{} : read_feed_stamp(watched);
    // The candidates, in order: current (resolved once), previous, any other version kept;
    // the --content folder or the demo only when the store has no content at all — never
    // another organisation's demo over a store that has this one's.
    std::vector<std::string> candidates;
    if (store) {
        for (const auto& version_dir : {store->current(), store->previous()}) {
            if (!version_dir.empty()) {
                candidates.push_back(version_dir.string());
            }
        }
        for (const auto& version_dir : store->other_versions()) {
            candidates.push_back(version_dir.string());
        }
    }
    const bool store_has_content = !candidates.empty();
    if (!store_has_content) {
        candidates.push_back(resolve_content_dir(options));
    }
    if (candidates.front().empty()) {
        log_error("no --content given and the demo content is not installed");
        return 1;
    }
    // Check the content before touching the display, so that a bad folder is reported the same
    // way with or without a screen.
    std::string dir, fallback_reason;
    for (const std::string& candidate : candidates) {
        BundleCheck check = read_bundle(candidate);
        if (check.ok()) {
            dir = candidate;
            break;
        }
        if (fallback_reason.empty() && !check.problems.empty()) {
            fallback_reason = "the current version cannot be shown: " + check.problems.front();
        }
        for (const auto& problem : check.problems) {
            log_error(problem);
        }
        if (store_has_content) {
            log_error(candidate + ": cannot be shown; trying the version kept before it");
        }
    }
    if (dir.empty()) {
        if (store_has_content) {
            log_error(store->root().string() + ": no version in the store can be shown");
        }
        return 1;
    }
    if (store_has_content && dir != candidates.front()) {
        log_warning("showing " + dir + " instead of the current version, which cannot be shown");
    } else {
        fallback_reason.clear();
    }
    auto fonts = open_configured_fonts();
    if (!fonts) {
        log_error(fonts.error().message);
        return 1;
    }
    auto display =
        SdlWindowDisplay::open(options.width, options.height, rotation,
                               options.windowed ? WindowMode::Windowed : WindowMode::Fullscreen);
    if (!display) {
        log_error(display.error().message);
        return 1;
    }
    SdlWindowDisplay& screen = **display;
    const int width = screen.logical_width(), height = screen.logical_height();
    auto first = load_snapshot(dir, **fonts, width, height);
    if (!first) {
        log_problems(first.error().message);
        return 1;
    }
    std::shared_ptr<const Snapshot> snapshot = std::move(first.value());
    if (store) {
        write_player_status(config->player_status,
                            PlayerStatus{snapshot->feed.version, dir, fallback_reason});
    }
    // Watching the store while the screen still shows the fallback: any first version will do.
    const bool showing_store = watched.empty() || store_has_content;
    ContentWatcher watcher(watched.empty() ? dir : watched, **fonts, width, height,
                           showing_store ? snapshot->stamp : watched_at_start,
                           showing_store ? snapshot->feed.version : -1, std::chrono::seconds(2));
    watcher.start();
    // Feeds, the inbox and uploads are the content service's (placard-tool serve, its own
    // process); the player only shows the store's current version and what the service says.
    std::optional<ImportNotices> import_notices;
    if (store) {
        import_notices.emplace(store->status_file());
    }

    SteadyClock clock;
    GlyphCache glyphs;
    HomeScreenPainter painter(glyphs);
    TouchController touch(**fonts, config->idle_timeout_s);
    touch.set_content(snapshot, 0);
    unsigned long shown_generation = touch.view_generation();
    FrameStats stats;
    const Rect whole{0, 0, width, height};
    DamageList damage;
    FrameState shown;
    bool redraw_all = true;
    double next_change = 0;  // Draw at once.
    bool first_frame = true;
    bool running = true;
    double input_at = -1;  // When the newest input arrived, for touch-to-photon.
    double next_watchdog = 0;
    double next_notice_check = 0;
    // Screen changes (opening an article, going back, the idle return to the attract loop)
    // crossfade from a copy of the last frame of the old screen.
    constexpr double kScreenFadeSeconds = 0.35;
    Image previous_frame;
    double fade_start = -1;
    std::string shown_screen = touch.screen_key();
    // A brief notice over the foot of the screen: an import taken or refused.
    LaidOutParagraph notice;
    double notice_until = -1;
    const float unit = snapshot->home->geometry.unit;
    const Rect notice_area{0, height - static_cast<int>(96 * unit), width,
                           static_cast<int>(96 * unit)};
    auto notice_fonts = (*fonts)->chain(FontRole::Bold, std::max(12, static_cast<int>(30 * unit)));
    while (running) {
        const double t_events = clock.seconds();
        const FrameState before_input = painter.state_at(
            *snapshot->home, t_events, clock.wall_time(), touch.navigation().banner_shift);
        const auto pointer = [&](PointerEvent::Kind kind, double panel_x, double panel_y) {
            const auto [x, y] = screen.to_logical(panel_x, panel_y);
            touch.pointer(PointerEvent{kind, clock.seconds(), x, y}, before_input);
            input_at = clock.seconds();
        };
        SDL_Event event;
        while (SDL_PollEvent(&event)) {
            // SIGINT/SIGTERM arrive as SDL_QUIT. Keys are ignored: a visitor must not be able to
            // leave the player from the keyboard.
            switch (event.type) {
                case SDL_QUIT:
                    running = false;
                    break;
                case SDL_WINDOWEVENT:
                    redraw_all = redraw_all || event.window.event == SDL_WINDOWEVENT_EXPOSED;
                    break;
                // Touchscreens and mice drive the same recognizer. Touches also arrive as
                // synthetic mouse events (which == SDL_TOUCH_MOUSEID): those are skipped.
                case SDL_FINGERDOWN:
                case SDL_FINGERMOTION:
                case SDL_FINGERUP:
                    pointer(event.type == SDL_FINGERDOWN ? PointerEvent::Kind::Down
                            : event.type == SDL_FINGERUP ? PointerEvent::Kind::Up
                                                         : PointerEvent::Kind::Move,
                            static_cast<double>(event.tfinger.x) * screen.panel_width(),
                            static_cast<double>(event.tfinger.y) * screen.panel_height());
                    break;
                case SDL_MOUSEBUTTONDOWN:
                case SDL_MOUSEBUTTONUP:
                    if (event.button.which != SDL_TOUCH_MOUSEID &&
                        event.button.button == SDL_BUTTON_LEFT) {
                        pointer(event.type == SDL_MOUSEBUTTONDOWN ? PointerEvent::Kind::Down
                                                                  : PointerEvent::Kind::Up,
                                event.button.x, event.button.y);
                    }
                    break;
                case SDL_MOUSEMOTION:
                    if (event.motion.which != SDL_TOUCH_MOUSEID &&
                        (event.motion.state & SDL_BUTTON_LMASK)) {
                        pointer(PointerEvent::Kind::Move, event.motion.x, event.motion.y);
                    }
                    break;
                default:
                    break;
            }
        }
        if (!running) {
            break;
        }
        const double t = clock.seconds();
        const WallTime now = clock.wall_time();
        touch.tick(t);
        FrameState state =
            painter.state_at(*snapshot->home, t, now, touch.navigation().banner_shift);
        // Swap content at a safe point: between frames and never mid-transition.
        if (!painter.in_transition(state) && !touch.animating()) {
            if (auto fresh = watcher.take()) {
                snapshot = std::move(fresh);
                touch.set_content(snapshot, t);
                state = painter.state_at(*snapshot->home, t, now, touch.navigation().banner_shift);
                redraw_all = true;
                log_info("showing content version " + std::to_string(snapshot->feed.version));
                if (store) {
                    write_player_status(
                        config->player_status,
                        PlayerStatus{snapshot->feed.version, snapshot->stamp.target.string(), {}});
                }
            }
        }
        bool notice_changed = false;
        if (import_notices && t >= next_notice_check) {
            next_notice_check = t + 0.25;
            if (std::string text = import_notices->poll(); !text.empty() && notice_fonts) {
                ParagraphStyle style;
                style.fonts = *notice_fonts;
                style.measure = static_cast<float>(width);
                style.align = Align::Center;
                style.max_lines = 1;
                notice = layout_paragraph(text, style);
                notice_until = t + 6;
                notice_changed = true;
            }
        }
        if (notice_until >= 0 && t >= notice_until) {
            notice_until = -1;
            notice_changed = true;
        }
        if (touch.screen_key() != shown_screen) {
            shown_screen = touch.screen_key();
            Canvas current = screen.canvas();
            previous_frame.width = current.width();
            previous_frame.height = current.height();
            previous_frame.pixels.resize(static_cast<std::size_t>(current.width()) *
                                         current.height());
            for (int row = 0; row < current.height(); ++row) {
                std::memcpy(
                    previous_frame.pixels.data() + static_cast<std::size_t>(row) * current.width(),
                    current.pixels() + static_cast<std::ptrdiff_t>(row) * current.stride(),
                    static_cast<std::size_t>(current.width()) * 4);
            }
            previous_frame.opaque = false;  // Drawn with an opacity.
            fade_start = t;
        }
        const bool fading = fade_start >= 0 && t - fade_start < kScreenFadeSeconds;
        if (fade_start >= 0 && !fading) {
            fade_start = -1;
            redraw_all = true;  // The last fade frame: the new screen alone.
        }
        const bool view_changed = touch.view_generation() != shown_generation;
        if (redraw_all || fading || view_changed || notice_changed || t >= next_change) {
            const auto frame_start = std::chrono::steady_clock::now();
            damage.clear();
            if (redraw_all || fading) {
                damage.add(whole);
            } else {
                if (view_changed) {
                    damage.add(touch.changed_area());
                }
                if (notice_changed) {
                    damage.add(notice_area);
                }
                if (touch.on_home()) {
                    painter.damage_between(*snapshot->home, shown, state, damage);
                } else if (shown.minute != state.minute) {
                    damage.add(snapshot->home->geometry.header);
                }
            }
            if (!damage.empty()) {
                Canvas canvas = screen.canvas();
                for (const Rect& area : damage.rects()) {
                    touch.draw(canvas, painter, state, now, area);
                    if (fading) {
                        const double progress = (t - fade_start) / kScreenFadeSeconds;
                        canvas.set_clip(area);
                        canvas.draw_image(previous_frame, 0, 0,
                                          static_cast<int>(std::lround(255 * (1 - progress))));
                        canvas.reset_clip();
                    }
                    if (notice_until >= 0 && !notice_area.intersect(area).empty()) {
                        canvas.set_clip(area);
                        canvas.fill(notice_area, 0xE0202020);
                        draw_paragraph(
                            canvas, glyphs, notice, 0,
                            static_cast<float>(notice_area.y) +
                                (static_cast<float>(notice_area.height) - notice.height) / 2,
                            0xFFFFFFFF);
                        canvas.reset_clip();
                    }
                }
                if (auto presented = screen.present(damage.rects()); !presented) {
                    log_error(presented.error().message);
                }
                stats.record(milliseconds_since(frame_start), damage.area());
                if (input_at >= 0) {
                    stats.record_input_latency((clock.seconds() - input_at) * 1000);
                    input_at = -1;
                }
                if (first_frame) {
                    first_frame = false;
                    log_info("first frame presented " +
                             std::to_string(static_cast<int>(milliseconds_since(start))) +
                             " ms after start");
                    notify_systemd("READY=1");
                }
            }
            shown = state;
            shown_generation = touch.view_generation();
            redraw_all = false;
            next_change = touch.on_home()     ? painter.next_change_after(*snapshot->home, t, now)
                          : touch.animating() ? t + kFrameSeconds
                                              : t + 0.25;
        }
        // The loop is alive: systemd's watchdog restarts the player if this stops coming.
        if (t >= next_watchdog) {
            notify_systemd("WATCHDOG=1");
            next_watchdog = t + 2;
        }
        // Sleep until the picture changes, waking for input and at least every quarter second
        // to look for new content.
        const double wait_s = std::clamp(next_change - clock.seconds(), 0.0, 0.25);
        if (wait_s > 0) {
            SDL_WaitEventTimeout(nullptr, static_cast<int>(std::lround(wait_s * 1000)));
        }
    }
    notify_systemd("STOPPING=1");
    log_info("frame statistics: " + stats.summary());
    return 0;
}

}  // namespace placard
