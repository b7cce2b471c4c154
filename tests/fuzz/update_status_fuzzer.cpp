// libFuzzer target for STORE/status.json: whatever is in the file (it is only a record, and a
// damaged one must never stop the player or `placard-tool status`), parsing gives a status, never
// a crash; the text fields read from it are well-formed UTF-8 and the failure count stays in range.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content/update_status.hpp"
#include "core/utf8.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using placard::fuzz::require;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const placard::UpdateStatus status = placard::parse_update_status(text);
    require(status.consecutive_failures >= 0 && status.consecutive_failures <= 1'000'000'000,
            "consecutive_failures is read within 0..1e9");
    for (const auto* field :
         {&status.source, &status.taken_at, &status.last_poll_at, &status.last_error,
          &status.last_error_kind, &status.last_error_source, &status.last_error_at, &status.etag,
          &status.last_modified, &status.validated_url}) {
        require(placard::utf8::is_valid(*field), "a text field read from status.json is UTF-8");
    }
    if (text.find('{') == std::string_view::npos) {
        // Not a JSON object at all: the empty status.
        const placard::UpdateStatus empty;
        require(status.version == empty.version && status.source.empty() &&
                    status.last_error.empty() && status.consecutive_failures == 0 &&
                    status.etag.empty() && status.validated_url.empty(),
                "anything but a JSON object reads as the empty status");
    }
    return 0;
}
