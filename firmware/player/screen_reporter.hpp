// After each frame of the live player: what changed on the screen, said in the log and the
// player's status file (`placard-tool status`) — the content version shown, the urgent notice
// showing, what the screen hours ask for — and the display asked to turn off or on
// (display_power.hpp, on its own thread), with what it did.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "player/display_power.hpp"
#include "player/player_frame.hpp"
#include "player/player_status.hpp"

namespace placard {

class ScreenReporter {
  public:
    // `status_file` empty: the screen shows a plain folder, and no status is written.
    ScreenReporter(std::vector<std::unique_ptr<DisplayPowerMethod>> power_methods,
                   std::filesystem::path status_file, PlayerStatus first);
    // Returns true when the display has just been switched back on: the next frame repaints.
    bool after_frame(const PlayerFrame& player, const FrameOutcome& outcome);
    // Each turn of the loop: `presented` when a frame went to the display, `wall_s` the wall
    // clock (unix seconds). Rewrites the status at least every kHeartbeatSeconds with the time
    // of the last presented frame and what the zones show, as proof that the player renders.
    void heartbeat(const PlayerFrame& player, bool presented, double wall_s);
    // A screenshot the studio asked for (its request's nonce) was written: said in the status.
    void screenshot_taken(const std::string& nonce, bool dark);

  private:
    void write_status();

    DisplayPower display_power_;
    std::filesystem::path status_file_;
    PlayerStatus status_;
    std::optional<bool> power_wanted_;
    NoticeView::Kind notice_kind_ = NoticeView::Kind::None;
    std::string notice_id_;
    std::int64_t notice_issued_ = 0;
    double last_frame_wall_ = -1;
    double status_written_wall_ = -1;
};

// What the zones show now, in a few words: "banner b1; excerpt a3", "article a1",
// "urgent notice drill", "dark (screen hours)".
std::string describe_showing(const PlayerFrame& player);

// "urgent notice \"drill\" on the whole screen"
std::string describe_notice_view(const NoticeView& view);
// "off, by HDMI-CEC (/dev/cec0)", or a lit black picture and what was tried before it.
std::string describe_display(const DisplayPowerReport& report);

}  // namespace placard
