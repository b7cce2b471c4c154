// libFuzzer target for layout.json (a bundle may bring its own): any bytes in, a layout whose
// zones all lie within the screen or a refusal that names the file, never a crash.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/screen_layout.hpp"
#include "fuzz_check.hpp"

namespace {

void check_zone(const placard::ZoneFraction& zone) {
    using placard::fuzz::require;
    require(std::isfinite(zone.x) && std::isfinite(zone.y) && std::isfinite(zone.width) &&
                std::isfinite(zone.height),
            "a taken zone is finite");
    require(zone.x >= 0 && zone.y >= 0 && zone.width >= 0 && zone.height >= 0,
            "a taken zone is not negative");
    require(zone.x + zone.width <= 1.0001 && zone.y + zone.height <= 1.0001,
            "a taken zone lies within the screen");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto layout = placard::parse_screen_layout(text, "layout.json");
    if (!layout) {
        placard::fuzz::require_message(layout.error().message, "layout.json: ");
        return 0;
    }
    for (const auto* zone : {&layout->header, &layout->banner, &layout->side, &layout->excerpt,
                             &layout->ticker, &layout->footer}) {
        check_zone(*zone);
    }
    return 0;
}
