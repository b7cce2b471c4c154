// libFuzzer target for CAP 1.2 alerts (`placard-tool notice --from-cap`: an early-warning
// message from outside). Any bytes in, a notice (with a cap- id) or a one-line refusal naming
// the input, never a crash. (That a notice reads back through notice.json, read_cap_alert checks
// itself.)
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "importers/cap_alert.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view xml(reinterpret_cast<const char*>(data), size);
    for (const char* area : {"621121", "620000", "621121100000"}) {
        const auto notice = placard::read_cap_alert(xml, "alert.xml", {area, true});
        if (!notice) {
            placard::fuzz::require_message(notice.error().message, "alert.xml:");
            placard::fuzz::require(notice.error().message.find('\n') == std::string::npos,
                                   "a refusal is one line, whatever the alert holds");
            continue;
        }
        placard::fuzz::require(notice->id.starts_with("cap-") && notice->id.size() <= 64,
                               "a CAP notice's id is cap-… and at most 64 bytes");
    }
    return 0;
}
