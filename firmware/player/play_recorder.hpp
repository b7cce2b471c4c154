// What the player showed, turned into play-log records (runtime/play_log.hpp) after each frame:
// a banner (main, or one of the side slot's two), an excerpt or a notice from when it appeared
// until it went (a crossfade counts for
// the one fading in), and a visitor's session from the first touch that leaves the home screen
// until the screen is back home, with the screens opened and the seconds on each. Nothing is
// counted while the screen is dark for the night, and only the notice while one holds the whole
// screen. Runs on the render thread: it only compares a few numbers and queues records.
//
// Durations come from the frame's monotonic clock, start times from the wall clock: a clock set
// by NTP after boot does not stretch the banner on screen at that moment by hours. What is
// showing is cut at every minute (a record ends and the next begins), so that a long showing —
// a single banner, an hour-long notice — is written within the minute, falls into the right
// hour of the roll-ups, and a power cut loses at most a minute of it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "player/player_frame.hpp"
#include "runtime/play_log.hpp"

namespace placard {

class PlayRecorder {
  public:
    explicit PlayRecorder(PlayLog& log) : log_(log) {}
    // After a frame: `clock_s` the frame's monotonic clock (seconds), `wall_s` the wall time
    // (unix seconds, with fractions).
    void after_frame(const PlayerFrame& player, double clock_s, double wall_s);
    // Ends what is showing (the player stops): each record gets its time so far.
    void finish(double clock_s, double wall_s);

    // The longest a visit is followed, and the most of its screens written down: a touch panel
    // that keeps reporting ghost touches must not grow a session without end.
    static constexpr double kLongestVisitSeconds = 4 * 3600;
    static constexpr std::size_t kMostVisitScreensBytes = 2000;

  private:
    struct Showing {
        std::string zone, item;
        std::int64_t version = -1;
        double since_clock = 0;  // Monotonic.
        double since_wall = 0;   // Unix seconds.
    };
    struct Now {
        double clock, wall;
    };
    void show(std::optional<Showing>& slot, const std::string& zone, const std::string& item,
              std::int64_t version, Now now);
    void end(std::optional<Showing>& slot, Now now);
    void show_side(const HomeScreenLayout& home, const FrameState& state, bool visible,
                   std::int64_t version, Now now);
    void end_screen(Now now);
    void end_visit(Now now);

    PlayLog& log_;
    std::optional<Showing> banner_, excerpt_, notice_;
    std::optional<Showing> side_[2];  // The side slot's banners, whichever place each is in.
    long long minute_ = -1;  // The wall-clock minute of the last frame: showings are cut at each.
    // The visitor's session: when it began, the screen open and since when, what was seen.
    std::optional<Now> visit_start_;
    std::string screen_;
    double screen_since_ = 0;
    std::string screens_seen_;
};

}  // namespace placard
