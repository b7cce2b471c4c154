// What the player showed, turned into play-log records (runtime/play_log.hpp) after each frame:
// a banner, an excerpt or a notice from when it appeared until it went (a crossfade counts for
// the one fading in), and a visitor's session from the first touch that leaves the home screen
// until the screen is back home, with the screens opened and the seconds on each. Nothing is
// counted while the screen is dark for the night, and only the notice while one holds the whole
// screen. Runs on the render thread: it only compares a few numbers and queues records.
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
    // After a frame at wall time `now` (unix seconds, with fractions).
    void after_frame(const PlayerFrame& player, double now);
    // Ends what is showing (the player stops): each record gets its time so far.
    void finish(double now);

  private:
    struct Showing {
        std::string zone, item;
        std::int64_t version = -1;
        double since = 0;
    };
    void show(std::optional<Showing>& slot, const std::string& zone, const std::string& item,
              std::int64_t version, double now);
    void end(std::optional<Showing>& slot, double now);
    void end_screen(double now);

    PlayLog& log_;
    std::optional<Showing> banner_, excerpt_, notice_;
    // The visitor's session: when it began, the screen open and since when, what was seen.
    std::optional<double> visit_start_;
    std::string screen_;
    double screen_since_ = 0;
    std::string screens_seen_;
};

}  // namespace placard
