// placard-tool power test: cycles the display off and on once with each method the screen
// would use for its screen hours (display_power.hpp) and says which worked: HDMI-CEC through
// /dev/cec0, then DPMS on the first DRM card (only when no other program is its KMS master: with
// the player running on the console, the player's own DRM method is the one that counts, and
// this says so), then the black picture, which always works but leaves the panel lit.
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "commands.hpp"
#include "player/cec_power.hpp"
#include "player/display_power.hpp"
#include "player/drm_power.hpp"
#include "runtime/log.hpp"

namespace placard::tool {

int power_command(const Arguments& arguments) {
    if (arguments.size() != 1 || arguments[0] != "test") {
        log_error("power: usage: power test");
        return 2;
    }
    std::vector<std::unique_ptr<DisplayPowerMethod>> methods;
    std::error_code none;
    if (std::filesystem::exists("/dev/cec0", none)) {
        methods.push_back(std::make_unique<CecPower>("/dev/cec0"));
    } else {
        std::printf("HDMI-CEC: no /dev/cec0 (no CEC adapter, or its driver is not loaded)\n");
    }
    const int card = ::open("/dev/dri/card0", O_RDWR | O_CLOEXEC);
    if (card >= 0) {
        methods.push_back(std::make_unique<DrmPower>(card));
    } else {
        std::printf("DRM DPMS: no /dev/dri/card0 to open\n");
    }
    DisplayPowerChain chain(std::move(methods));
    const auto reports = DisplayPower::test_cycle(chain);
    bool switched = true;
    for (const DisplayPowerReport& report : reports) {
        for (const std::string& problem : report.problems) {
            std::printf("  tried %s\n", problem.c_str());
        }
        std::printf("%s: %s\n", report.wanted_on ? "on " : "off", report.method.c_str());
        switched = switched && report.method != "black picture";
    }
    if (card >= 0) {
        ::close(card);
    }
    std::printf(switched ? "the display can be switched off and on by %s\n"
                         : "no method switched the display: outside screen hours the screen "
                           "shows a black picture, lit (%s)\n",
                reports.front().method.c_str());
    return switched ? 0 : 1;
}

}  // namespace placard::tool
