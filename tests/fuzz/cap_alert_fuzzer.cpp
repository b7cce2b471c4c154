// libFuzzer target for CAP 1.2 alerts (`placard-tool notice --from-cap`: an early-warning
// message from outside). Any bytes in, a notice or a refusal naming the input, never a crash; a
// notice is one notice.json takes back (the same reader the screen uses), within its limits.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/notice_json.hpp"
#include "fuzz_check.hpp"
#include "importers/cap_alert.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view xml(reinterpret_cast<const char*>(data), size);
    for (const char* area : {"621121", "620000", "621121100000"}) {
        const auto notice = placard::read_cap_alert(xml, "alert.xml", {area, true});
        if (!notice) {
            placard::fuzz::require_message(notice.error().message, "alert.xml:");
            continue;
        }
        const auto json = placard::notice_to_json(*notice).dump();
        placard::fuzz::require(placard::parse_notice_document(json, "notice.json").ok(),
                               "a CAP notice reads back through notice.json");
    }
    return 0;
}
