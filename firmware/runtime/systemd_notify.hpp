// Tells systemd how the player is (sd_notify(3)'s protocol, without libsystemd): READY=1 once
// the first frame is on screen, WATCHDOG=1 from the render loop, so that a hung loop is
// restarted (placard.service: Type=notify, WatchdogSec=). Does nothing outside systemd.
#pragma once

#include <string_view>

namespace placard {

void notify_systemd(std::string_view state);

}  // namespace placard
