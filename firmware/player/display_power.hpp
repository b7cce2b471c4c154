// Turning the panel off and on for screen hours (定时开关机), the most fragile part of every Pi
// player (Anthias #2575, libcec #255): each way of doing it is tried in order and verified, and
// the first that works is kept, so that a planned "off" is reported as planned and never looks
// like a fault (`placard-tool status` says which method and what state).
//
//   1. HDMI-CEC through the kernel's CEC device (/dev/cec0): standby / image view on, then the
//      TV's own report of its power status (cec_power.hpp);
//   2. DPMS on the DRM connector, when the player is the KMS master (drm_power.hpp);
//   3. a black picture: the player paints the screen black whatever else works (always
//      available, and what is left when the display cannot be switched).
//
// The methods may block (a CEC reply can take a second): DisplayPower runs them on a thread of
// its own, never the render thread.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/result.hpp"

namespace placard {

class DisplayPowerMethod {
  public:
    virtual ~DisplayPowerMethod() = default;
    // "HDMI-CEC (/dev/cec0)", "DRM DPMS (HDMI-A-1)", "black picture".
    virtual std::string name() const = 0;
    // Asks the display to turn on or off.
    virtual Status set_power(bool on) = 0;
    // What the display reports now: true on, false off (the verification of set_power).
    virtual Result<bool> power_state() = 0;
};

// The last resort: the player paints the screen black; the panel stays lit.
class BlackPicture final : public DisplayPowerMethod {
  public:
    std::string name() const override { return "black picture"; }
    Status set_power(bool on) override {
        on_ = on;
        return Done{};
    }
    Result<bool> power_state() override { return on_; }

  private:
    bool on_ = true;
};

struct DisplayPowerReport {
    bool wanted_on = true;              // What the screen hours ask for.
    bool display_on = true;             // What the method that worked reports.
    std::string method;                 // The method that worked, or "" before the first change.
    std::vector<std::string> problems;  // Why the methods before it did not.
};

// Tries `methods` in order for each change, verifying each; keeps to the first that works
// until it fails.
class DisplayPowerChain {
  public:
    explicit DisplayPowerChain(std::vector<std::unique_ptr<DisplayPowerMethod>> methods);
    // Turns the display on or off and says how it went.
    DisplayPowerReport set(bool on);

  private:
    std::vector<std::unique_ptr<DisplayPowerMethod>> methods_;
    std::size_t working_ = 0;  // The method that worked last; tried first.
    // The methods asked to turn the display off (even those whose check then failed): each is
    // asked to turn it on again, so that no method is left holding the display off.
    std::vector<bool> asked_off_;
};

// The chain on a thread of its own: the render thread only says what it wants.
class DisplayPower {
  public:
    explicit DisplayPower(std::vector<std::unique_ptr<DisplayPowerMethod>> methods);
    ~DisplayPower();
    DisplayPower(const DisplayPower&) = delete;
    DisplayPower& operator=(const DisplayPower&) = delete;

    // Asks for the display on or off; returns at once.
    void want(bool on);
    // The report of the last change made, once (nothing until the next change): the render
    // thread looks every frame and copies nothing in between.
    std::optional<DisplayPowerReport> take_report();
    // Cycles the display off and on once, on the calling thread (`placard-tool power test`).
    static std::vector<DisplayPowerReport> test_cycle(DisplayPowerChain& chain);

  private:
    void run();
    DisplayPowerChain chain_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<bool> wanted_;
    bool stopping_ = false;
    std::optional<DisplayPowerReport> report_;
    std::thread thread_;  // Last: started once the members it uses exist.
};

}  // namespace placard
