// libFuzzer target for the bundle reader: the strict ustar reader and the signature and
// manifest check behind it. Any bytes in: a refusal with a reason, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content/bundle_signature.hpp"
#include "content/tar_archive.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    placard::TarLimits limits;
    limits.max_total_bytes = 4 * 1024 * 1024;
    auto entries = placard::read_tar(bytes, "fuzz.placard", limits);
    if (entries) {
        placard::TrustPolicy policy;
        policy.allow_unsigned = size % 2 == 0;  // Both paths of the check.
        (void)placard::verify_bundle(std::move(entries.value()), policy, 0, "fuzz.placard");
    }
    return 0;
}
