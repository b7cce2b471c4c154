// DPMS on the connected DRM connector (the KMS property "DPMS", drm_mode.h), for a player that
// is the KMS master (SDL's KMSDRM driver on the board's console): off stops the signal, so most
// monitors go to standby; the property read back is the verification. Under X or Wayland the
// player is not the master and this method is not offered.
//
// Untested on hardware: the boot test's emulated display (virtio-gpu) is the only KMS device
// this project's machines have. Compiled for the boards.
#pragma once

#include <cstdint>
#include <string>

#include "player/display_power.hpp"

namespace placard {

class DrmPower final : public DisplayPowerMethod {
  public:
    // `fd`: the DRM device SDL opened (not owned).
    explicit DrmPower(int fd) : fd_(fd) {}
    std::string name() const override {
        return "DRM DPMS" +
               (connector_name_.empty() ? std::string() : " (" + connector_name_ + ")");
    }
    Status set_power(bool on) override;
    Result<bool> power_state() override;

  private:
    // Finds the connected connector and its DPMS property.
    Status find_connector();
    int fd_;
    std::uint32_t connector_ = 0, dpms_property_ = 0;
    std::string connector_name_;
};

}  // namespace placard
