#include "player/player.hpp"

#include <SDL.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <optional>

#include "content/bundle_reader.hpp"
#include "content/content_store.hpp"
#include "content/notice_register.hpp"
#include "core/input_script.hpp"
#include "core/wall_time.hpp"
#include "player/absolute_pointers.hpp"
#include "player/cec_power.hpp"
#include "player/content_watcher.hpp"
#include "player/display_power.hpp"
#include "player/drm_power.hpp"
#include "player/frame_stats.hpp"
#include "player/import_notices.hpp"
#include "player/notice_watcher.hpp"
#include "player/play_recorder.hpp"
#include "player/player_frame.hpp"
#include "player/player_screenshot.hpp"
#include "player/player_status.hpp"
#include "player/screen_reporter.hpp"
#include "player/snapshot.hpp"
#include "player/studio_requests.hpp"
#include "player/touch_controller.hpp"
#include "player/virtual_screen.hpp"
#include "render/headless_display.hpp"
#include "render/sdl_window_display.hpp"
#include "render/text_painter.hpp"
#include "runtime/device_config.hpp"
#include "runtime/font_setup.hpp"
#include "runtime/install_paths.hpp"
#include "runtime/log.hpp"
#include "runtime/periodic_thread.hpp"
#include "runtime/play_log.hpp"
#include "runtime/systemd_notify.hpp"

namespace placard {
namespace {

namespace fs = std::filesystem;
using SteadyTime = std::chrono::steady_clock::time_point;

// The live loop's frame clock: seconds since the player started, and the wall time for the
// header. (--screenshot runs the same frames on a virtual 60 Hz clock instead.)
class SteadyClock {
  public:
    double seconds() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }
    WallTime wall_time() const { return system_wall_time(); }

  private:
    SteadyTime start_ = std::chrono::steady_clock::now();
};

// The wall time with its fractions, for the play log's durations.
double unix_seconds_now() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

double milliseconds_since(SteadyTime start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

std::string resolve_content_dir(const PlayerOptions& options) {
    if (!options.content_dir.empty()) {
        return options.content_dir;
    }
    return default_content_dir();
}

// What the player shows first, and what it watches.
struct ContentChoice {
    std::optional<ContentStore> store;  // With a feed or bundles configured.
    std::string watched;                // The store's `current`, or "" for a plain folder.
    FeedStamp watched_at_start;
    bool store_has_content = false;
    std::string dir;              // The folder to show.
    std::string fallback_reason;  // Why it is not the current version, or "".
};

// Chooses the folder to show: the store's current version, else the version kept before it
// or any other kept; the --content folder or the demo only when the store has no content.
// Logs each problem (where and what) and returns nothing when no candidate can be shown.
std::optional<ContentChoice> choose_content(const PlayerConfig& config,
                                            const PlayerOptions& options) {
    // With a network feed, the store's current version is what the screen shows (and watches);
    // until the first version arrives, the --content folder or the demo.
    ContentChoice choice;
    std::optional<ContentStore>& store = choice.store;
    std::string& watched = choice.watched;
    const bool takes_bundles = !config.inbox_dir.empty() || !config.upload_token.empty();
    // With a feed or bundles configured, the content service fills the store; the player only
    // reads it (never creates, cleans or locks anything there).
    if (!config.feed_url.empty() || takes_bundles) {
        store = ContentStore::for_reading(config.store_dir);
        watched = (store->root() / "current").string();
    }
    // What the watched store holds as the screen's content is chosen (read first, so that a
    // version the content service commits from now on differs from it and is loaded).
    choice.watched_at_start = watched.empty() ? FeedStamp{} : read_feed_stamp(watched);
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
    choice.store_has_content = !candidates.empty();
    const bool store_has_content = choice.store_has_content;
    if (!store_has_content) {
        candidates.push_back(resolve_content_dir(options));
    }
    if (candidates.front().empty()) {
        log_error("no --content given and the demo content is not installed");
        return std::nullopt;
    }
    // Check the content before touching the display, so that a bad folder is reported the same
    // way with or without a screen.
    std::string& dir = choice.dir;
    std::string& fallback_reason = choice.fallback_reason;
    for (const std::string& candidate : candidates) {
        BundleCheck check = read_bundle(candidate);
        if (check.ok()) {
            dir = candidate;
            break;
        }
        if (fallback_reason.empty() && !check.problems.empty()) {
            fallback_reason =
                "the current version cannot be shown: " + check.problems.front().message;
        }
        for (const Error& problem : check.problems) {
            log_error(problem.message);
        }
        if (store_has_content) {
            log_error(candidate + ": cannot be shown; trying the version kept before it");
        }
    }
    if (dir.empty()) {
        if (store_has_content) {
            log_error(store->root().string() + ": no version in the store can be shown");
        }
        return std::nullopt;
    }
    if (store_has_content && dir != candidates.front()) {
        log_warning("showing " + dir + " instead of the current version, which cannot be shown");
    } else {
        fallback_reason.clear();
    }
    return choice;
}

// Screen hours: the ways to turn the display off and on, in the order they are tried (CEC, then
// DPMS when the player is the KMS master); the black picture is always the last.
std::vector<std::unique_ptr<DisplayPowerMethod>> display_power_methods(
    const SdlWindowDisplay& screen) {
    std::vector<std::unique_ptr<DisplayPowerMethod>> methods;
    if (std::error_code none; std::filesystem::exists("/dev/cec0", none)) {
        methods.push_back(std::make_unique<CecPower>("/dev/cec0"));
    }
    if (const int kms = screen.kms_fd(); kms >= 0) {
        methods.push_back(std::make_unique<DrmPower>(kms));
    }
    return methods;
}

// The play log, when the configuration names one: records queued by the render thread, written
// once a minute by a thread of its own (an SD card write can take a while), the last ones when
// the player stops. A log that cannot be opened is a warning: the screen plays on without it.
class PlayLogging {
  public:
    explicit PlayLogging(const std::string& file) {
        if (file.empty()) {
            return;
        }
        auto opened = PlayLog::open(file);
        if (!opened) {
            log_warning(opened.error().message + " (the screen plays on without a play log)");
            return;
        }
        log_ = std::move(opened.value());
        recorder_.emplace(*log_);
        writer_.start(std::chrono::seconds(60), [this] {
            if (auto written = log_->flush(system_wall_time().unix_seconds); !written) {
                log_warning(written.error().message);
            }
            return std::chrono::seconds(60);
        });
    }
    void after_frame(const PlayerFrame& player, double clock_s) {
        if (recorder_) {
            recorder_->after_frame(player, clock_s, unix_seconds_now());
        }
    }
    void finish(double clock_s) {
        if (recorder_) {
            writer_.stop();
            recorder_->finish(clock_s, unix_seconds_now());
            (void)log_->flush(system_wall_time().unix_seconds);
            recorder_.reset();
        }
    }

  private:
    std::unique_ptr<PlayLog> log_;
    std::optional<PlayRecorder> recorder_;
    PeriodicThread writer_;  // Last: stopped before the members it uses are destroyed.
};

// The finger the player follows, while it is down.
struct FollowedFinger {
    bool down = false;
    SDL_FingerID id = 0;
};

// SDL is the input and display adapter: its events become pointer events in canvas
// coordinates, for the frame function. Returns false when the player is asked to stop
// (SIGINT/SIGTERM arrive as SDL_QUIT). Keys are ignored: a visitor must not be able to leave
// the player from the keyboard.
// With `absolute_pointers` (the board's console), SDL's mouse events are ignored while an
// absolute pointer is open: they would carry its unscaled coordinates (absolute_pointers.hpp),
// and the player reads it itself.
bool take_sdl_events(SdlWindowDisplay& screen, const SteadyClock& clock, PlayerFrame& player,
                     std::vector<PointerEvent>& input, double& input_at, FollowedFinger& finger,
                     AbsolutePointers* absolute_pointers) {
    bool running = true;
    const auto pointer = [&](PointerEvent::Kind kind, double panel_x, double panel_y) {
        const auto [x, y] = screen.to_logical(panel_x, panel_y);
        input.push_back(PointerEvent{kind, clock.seconds(), x, y});
        if (input_at < 0) {
            input_at = clock.seconds();
        }
    };
    const bool ignore_mice = absolute_pointers && absolute_pointers->any();
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        switch (event.type) {
            case SDL_QUIT:
                running = false;
                break;
            case SDL_WINDOWEVENT:
                if (event.window.event == SDL_WINDOWEVENT_EXPOSED) {
                    player.invalidate_all();
                }
                break;
            // Touchscreens and mice drive the same recognizer. Touches also arrive as
            // synthetic mouse events (which == SDL_TOUCH_MOUSEID): those are skipped.
            case SDL_FINGERDOWN:
            case SDL_FINGERMOTION:
            case SDL_FINGERUP:
                // One finger at a time: the recognizer follows one pointer, and a second
                // finger's press would replace the first's (its highlight left on screen) and
                // its moves would jump the drag between the two. Later fingers are ignored until
                // the first lifts.
                if (event.type == SDL_FINGERDOWN && !finger.down) {
                    finger = FollowedFinger{true, event.tfinger.fingerId};
                }
                if (!finger.down || finger.id != event.tfinger.fingerId) {
                    break;
                }
                if (event.type == SDL_FINGERUP) {
                    finger.down = false;
                }
                pointer(event.type == SDL_FINGERDOWN ? PointerEvent::Kind::Down
                        : event.type == SDL_FINGERUP ? PointerEvent::Kind::Up
                                                     : PointerEvent::Kind::Move,
                        static_cast<double>(event.tfinger.x) * screen.panel_width(),
                        static_cast<double>(event.tfinger.y) * screen.panel_height());
                break;
            case SDL_MOUSEBUTTONDOWN:
            case SDL_MOUSEBUTTONUP:
                if (event.button.which != SDL_TOUCH_MOUSEID && !ignore_mice &&
                    event.button.button == SDL_BUTTON_LEFT) {
                    pointer(event.type == SDL_MOUSEBUTTONDOWN ? PointerEvent::Kind::Down
                                                              : PointerEvent::Kind::Up,
                            event.button.x, event.button.y);
                }
                break;
            case SDL_MOUSEMOTION:
                if (event.motion.which != SDL_TOUCH_MOUSEID && !ignore_mice &&
                    (event.motion.state & SDL_BUTTON_LMASK)) {
                    pointer(PointerEvent::Kind::Move, event.motion.x, event.motion.y);
                }
                break;
            default:
                break;
        }
    }
    if (absolute_pointers) {
        for (const PanelPointerEvent& moved : absolute_pointers->poll(clock.seconds())) {
            pointer(moved.kind == PanelPointerEvent::Kind::Down ? PointerEvent::Kind::Down
                    : moved.kind == PanelPointerEvent::Kind::Up ? PointerEvent::Kind::Up
                                                                : PointerEvent::Kind::Move,
                    // The last pixel at the far edge (a fraction of 1), not one past it.
                    moved.x * (screen.panel_width() - 1), moved.y * (screen.panel_height() - 1));
        }
    }
    return running;
}

// What the content service says through the store, each looked at on a thread of its own so
// that the render thread only takes what was found: import notices (from status.json), urgent
// notices delivered on their own (the notice register: ten looks a second, so that one is on
// screen within a second of arriving), and what the studio asks of the player.
struct ServiceChannels {
    std::optional<ImportNotices> import_notices;
    std::optional<NoticeWatcher> notice_watcher;
    std::optional<StudioRequests> studio_requests;

    void open(const ContentStore& store, FontLibrary& fonts, HomeScreenGeometry geometry) {
        import_notices.emplace(store.status_file());
        import_notices->start(std::chrono::milliseconds(250));
        notice_watcher.emplace(notice_register_file(store), fonts, geometry);
        notice_watcher->start(std::chrono::milliseconds(100));
        studio_requests.emplace(screen_requests_file(store));
        studio_requests->start(std::chrono::milliseconds(250));
    }
    void offer_news(PlayerFrame& player, double notice_s) {
        if (notice_watcher) {
            if (auto notices = notice_watcher->take()) {
                player.offer_notices(std::move(notices));
            }
        }
        if (import_notices) {
            if (std::string text = import_notices->take(); !text.empty()) {
                player.offer_notice(std::move(text), notice_s);
            }
        }
    }
    // After a frame was presented: a screenshot of `canvas` if the studio asked for one, the
    // display turned on or off (from the next frame). Returns true when the studio asked for a
    // restart.
    bool carry_out_requests(PlayerFrame& player, Canvas& canvas, ScreenReporter& reporter,
                            ContentWatcher& watcher, const std::string& status_file) {
        if (!studio_requests) {
            return false;
        }
        if (const std::string nonce = studio_requests->take_screenshot(); !nonce.empty()) {
            if (auto written = write_screenshot(canvas, screenshot_file(status_file)); written) {
                reporter.screenshot_taken(nonce, !player.screen_power().on);
                log_info("screenshot taken for the studio");
            } else {
                log_warning("screenshot: " + written.error().message);
            }
        }
        if (auto group = studio_requests->take_group()) {
            // The notices at once; the content once it is laid out again for the group.
            player.set_screen_group(*group);
            watcher.set_screen_group(std::move(*group));
        }
        if (auto display = studio_requests->take_display()) {
            player.turn_display(display->display == "on", display->display_at);
        }
        if (studio_requests->take_restart()) {
            log_info("restarting, as the studio asked");
            return true;
        }
        return false;
    }
};

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
    auto snapshot = load_snapshot(dir, **fonts, canvas.width(), canvas.height(), options.group);
    if (!snapshot) {
        log_error(snapshot.error().message);
        return 1;
    }
    const WallTime wall_start = virtual_start((*snapshot)->feed);
    PlayerFrame player(**fonts, *snapshot, config->idle_timeout_s);
    player.set_notice_limit(config->notice_max_s);
    player.set_screen_group(options.group);
    if (!options.open_article.empty()) {
        if ((*snapshot)->feed.find_article(options.open_article) == nullptr) {
            log_error("--open-article: no article \"" + options.open_article + "\"");
            return 1;
        }
        player.open_article(options.open_article, 0);
    }
    const double at = *options.at_s;
    run_virtual_clock(player, canvas, wall_start, at, events);
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
    auto choice = choose_content(*config, options);
    if (!choice) {
        return 1;
    }
    const std::optional<ContentStore>& store = choice->store;
    const std::string& watched = choice->watched;
    const std::string& dir = choice->dir;
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
    log_info("display: " + screen.description());
    const int width = screen.logical_width(), height = screen.logical_height();
    // A screen of a store shows what is for its group, as the studio last set it ("" for none:
    // only what is for every screen); a folder played by itself shows everything.
    std::optional<std::string> screen_group;
    if (store) {
        screen_group = load_screen_requests(screen_requests_file(*store)).group;
    }
    auto first = load_snapshot(dir, **fonts, width, height, screen_group);
    if (!first) {
        log_error(first.error().message);
        return 1;
    }
    std::shared_ptr<const Snapshot> snapshot = std::move(first.value());
    // Watching the store while the screen still shows the fallback: any first version will do.
    const bool showing_store = watched.empty() || choice->store_has_content;
    // Four looks a second (a stat of feed.json and of `current`'s target each): a version the
    // service commits, and the urgent notices its feed carries, are on screen well within a
    // second plus the time to lay them out.
    ContentWatcher watcher(watched.empty() ? dir : watched, **fonts, width, height,
                           showing_store ? snapshot->stamp : choice->watched_at_start,
                           showing_store ? snapshot->feed.version : -1,
                           std::chrono::milliseconds(250), screen_group);
    watcher.start();
    // Feeds, the inbox and uploads are the content service's (placard-tool serve, its own
    // process); the player only shows the store's current version and what the service says.
    ServiceChannels service;
    if (store) {
        service.open(*store, **fonts, snapshot->home->geometry);
        service.studio_requests->started_with_group(screen_group.value_or(std::string()));
    }
    SteadyClock clock;
    // Articles and channel lists laid out ahead, up to 32 MiB (a few hundred articles).
    ReadingScreenCache reading_screens(**fonts, std::size_t{32} << 20);
    PlayerFrame player(**fonts, snapshot, config->idle_timeout_s, &reading_screens);
    player.set_notice_limit(config->notice_max_s);
    player.set_screen_group(screen_group);
    FrameStats stats;
    std::vector<PointerEvent> input;
    input.reserve(64);
    bool first_frame = true;
    bool running = true;
    double input_at = -1;  // When the oldest input not yet shown arrived, for touch-to-photon.
    FollowedFinger finger;
    std::optional<AbsolutePointers> absolute_pointers;
    if (screen.on_console()) {
        absolute_pointers.emplace();
    }
    // What the screen shows, told to the log and `placard-tool status` (with a store).
    ScreenReporter reporter(
        display_power_methods(screen),
        store ? std::filesystem::path(config->player_status) : std::filesystem::path(), [&] {
            PlayerStatus shown;
            shown.version = snapshot->feed.version;
            shown.folder = dir;
            shown.fallback_reason = choice->fallback_reason;
            return shown;
        }());
    PlayLogging play_logging(config->play_log);
    double next_watchdog = 0;
    while (running) {
        // The frame itself is PlayerFrame's, the same one --screenshot runs.
        input.clear();
        running = take_sdl_events(screen, clock, player, input, input_at, finger,
                                  absolute_pointers ? &*absolute_pointers : nullptr);
        if (!running) {
            break;
        }
        const double t = clock.seconds();
        if (auto fresh = watcher.take()) {
            player.offer_content(std::move(fresh));
        }
        service.offer_news(player, config->notice_s);
        const auto frame_start = std::chrono::steady_clock::now();
        Canvas canvas = screen.canvas();
        const FrameOutcome outcome = player.frame(t, clock.wall_time(), input, canvas);
        if (reporter.after_frame(player, outcome)) {
            player.invalidate_all();
        }
        play_logging.after_frame(player, clock.seconds());
        reporter.heartbeat(player, !outcome.damage.empty(), unix_seconds_now());
        if (!outcome.damage.empty()) {
            if (auto presented = screen.present(outcome.damage); !presented) {
                log_error(presented.error().message);
            }
            stats.record(milliseconds_since(frame_start), outcome.painted_pixels);
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
        if (service.carry_out_requests(player, canvas, reporter, watcher, config->player_status)) {
            break;  // A restart: systemd (Restart=always) starts the player again.
        }
        // The loop is alive: systemd's watchdog restarts the player if this stops coming.
        if (t >= next_watchdog) {
            notify_systemd("WATCHDOG=1");
            next_watchdog = t + 2;
        }
        // Sleep until the picture changes, waking for input and at least every quarter second
        // to take new content and notices from their threads.
        const double wait_s = std::clamp(outcome.next_change - clock.seconds(), 0.0, 0.25);
        if (wait_s > 0) {
            // Rounded up: a wait rounded down to 0 ms would spin until the frame is due.
            SDL_WaitEventTimeout(nullptr, static_cast<int>(std::ceil(wait_s * 1000)));
        }
    }
    play_logging.finish(clock.seconds());
    notify_systemd("STOPPING=1");
    log_info("frame statistics: " + stats.summary());
    return 0;
}

}  // namespace placard
