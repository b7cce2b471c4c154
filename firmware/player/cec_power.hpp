// HDMI-CEC through the kernel's CEC framework (/dev/cecN, linux/cec.h: vc4 on the Raspberry Pi
// exposes one per HDMI port), with no libcec: <Standby> and <Image View On> to the TV (logical
// address 0), then <Give Device Power Status>, whose <Report Power Status> is the verification.
// When the adapter has no logical address yet (nobody ran `cec-ctl --playback`), it claims one
// as a playback device named "Placard" (CEC 1.4, 11.2.2).
//
// Untested on hardware: no board with a TV is attached to this project's machines. The code is
// compiled for the boards (arm64, armhf) and its failures fall through to the next method.
#pragma once

#include <string>

#include "player/display_power.hpp"

namespace placard {

class CecPower final : public DisplayPowerMethod {
  public:
    explicit CecPower(std::string device = "/dev/cec0") : device_(std::move(device)) {}
    std::string name() const override { return "HDMI-CEC (" + device_ + ")"; }
    Status set_power(bool on) override;
    Result<bool> power_state() override;

  private:
    std::string device_;
};

}  // namespace placard
