#include "app/player.hpp"

#include <SDL.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <optional>

#include "app/bundle_images.hpp"
#include "app/content_watcher.hpp"
#include "app/device_config.hpp"
#include "app/feed_poller.hpp"
#include "app/font_setup.hpp"
#include "app/frame_stats.hpp"
#include "app/install_paths.hpp"
#include "app/log.hpp"
#include "app/snapshot.hpp"
#include "content/bundle_reader.hpp"
#include "core/clock.hpp"
#include "core/input_script.hpp"
#include "render/headless_display.hpp"
#include "render/sdl_window_display.hpp"

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
    if (!options.input_script.empty()) {
        auto text = read_file(options.input_script, 1024 * 1024);
        if (!text) {
            log_error(text.error().message);
            return 1;
        }
        auto events = parse_input_script(*text, options.input_script);
        if (!events) {
            log_error(events.error().message);
            return 1;
        }
    }
    auto fonts = open_configured_fonts();
    if (!fonts) {
        log_error(fonts.error().message);
        return 1;
    }
    const int width = options.width > 0 ? options.width : 1920;
    const int height = options.height > 0 ? options.height : 1080;
    HeadlessDisplay display(width, height, options.rotation);
    Canvas canvas = display.canvas();
    auto snapshot = load_snapshot(dir, **fonts, canvas.width(), canvas.height());
    if (!snapshot) {
        log_problems(snapshot.error().message);
        return 1;
    }
    VirtualClock clock(virtual_start((*snapshot)->feed));
    clock.set(*options.at_s);
    GlyphCache glyphs;
    HomeScreenPainter painter(glyphs);
    const HomeScreenLayout& home = *(*snapshot)->home;
    painter.draw(canvas, home, painter.state_at(home, clock.seconds(), clock.wall_time()),
                 clock.wall_time(), Rect{0, 0, canvas.width(), canvas.height()});
    if (auto written = display.write_png(options.screenshot); !written) {
        log_error(written.error().message);
        return 1;
    }
    log_info("wrote " + options.screenshot + " (" + std::to_string(width) + "x" +
             std::to_string(height) + ", t = " + std::to_string(*options.at_s) + " s) in " +
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
    // With a network feed, the store's current version is what the screen shows (and watches);
    // until the first version arrives, the --content folder or the demo.
    std::optional<ContentStore> store;
    std::string watched;
    if (!config->feed_url.empty()) {
        auto opened = ContentStore::open(config->store_dir);
        if (!opened) {
            log_error(opened.error().message);
            return 1;
        }
        store = std::move(opened.value());
        watched = (store->root() / "current").string();
    }
    std::string dir = resolve_content_dir(options);
    if (store && !store->current().empty()) {
        dir = store->current().string();
    }
    if (dir.empty()) {
        log_error("no --content given and the demo content is not installed");
        return 1;
    }
    // Check the content before touching the display, so that a bad folder is reported the same
    // way with or without a screen.
    if (BundleCheck check = read_bundle(dir); !check.ok()) {
        for (const auto& problem : check.problems) {
            log_error(problem);
        }
        return 1;
    }
    auto fonts = open_configured_fonts();
    if (!fonts) {
        log_error(fonts.error().message);
        return 1;
    }
    auto display =
        SdlWindowDisplay::open(options.width, options.height, options.rotation,
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
    // Watching the store while the screen still shows the fallback: any first version will do.
    const bool showing_store = watched.empty() || dir == watched;
    ContentWatcher watcher(watched.empty() ? dir : watched, **fonts, width, height,
                           showing_store ? snapshot->stamp : read_feed_stamp(watched),
                           showing_store ? snapshot->feed.version : -1, std::chrono::seconds(2));
    watcher.start();
    std::optional<FeedPoller> poller;
    if (store) {
        poller.emplace(FeedUpdater(*store, *config, inspect_bundle));
    }

    SteadyClock clock;
    GlyphCache glyphs;
    HomeScreenPainter painter(glyphs);
    FrameStats stats;
    const Rect whole{0, 0, width, height};
    DamageList damage;
    FrameState shown;
    bool redraw_all = true;
    double next_change = 0;  // Draw at once.
    bool first_frame = true;
    bool running = true;
    while (running) {
        SDL_Event event;
        while (SDL_PollEvent(&event)) {
            // SIGINT/SIGTERM arrive as SDL_QUIT. Keys are ignored: a visitor must not be able to
            // leave the player from the keyboard.
            if (event.type == SDL_QUIT) {
                running = false;
            } else if (event.type == SDL_WINDOWEVENT &&
                       event.window.event == SDL_WINDOWEVENT_EXPOSED) {
                redraw_all = true;
            }
        }
        if (!running) {
            break;
        }
        const double t = clock.seconds();
        const WallTime now = clock.wall_time();
        FrameState state = painter.state_at(*snapshot->home, t, now);
        // Swap content at a safe point: between frames and never mid-transition.
        if (!painter.in_transition(state)) {
            if (auto fresh = watcher.take()) {
                snapshot = std::move(fresh);
                state = painter.state_at(*snapshot->home, t, now);
                redraw_all = true;
                log_info("showing content version " + std::to_string(snapshot->feed.version));
            }
        }
        if (redraw_all || t >= next_change) {
            const auto frame_start = std::chrono::steady_clock::now();
            damage.clear();
            if (redraw_all) {
                damage.add(whole);
            } else {
                painter.damage_between(*snapshot->home, shown, state, damage);
            }
            if (!damage.empty()) {
                Canvas canvas = screen.canvas();
                for (const Rect& area : damage.rects()) {
                    painter.draw(canvas, *snapshot->home, state, now, area);
                }
                if (auto presented = screen.present(damage.rects()); !presented) {
                    log_error(presented.error().message);
                }
                stats.record(milliseconds_since(frame_start), damage.area());
                if (first_frame) {
                    first_frame = false;
                    log_info("first frame presented " +
                             std::to_string(static_cast<int>(milliseconds_since(start))) +
                             " ms after start");
                }
            }
            shown = state;
            redraw_all = false;
            next_change = painter.next_change_after(*snapshot->home, t, now);
        }
        // Sleep until the picture changes, waking for input and at least every quarter second
        // to look for new content.
        const double wait_s = std::clamp(next_change - clock.seconds(), 0.0, 0.25);
        if (wait_s > 0) {
            SDL_WaitEventTimeout(nullptr, static_cast<int>(std::lround(wait_s * 1000)));
        }
    }
    log_info("frame statistics: " + stats.summary());
    return 0;
}

}  // namespace placard
