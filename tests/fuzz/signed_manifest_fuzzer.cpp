// libFuzzer target for signed manifests and feed signature files (feed.json.sig): the parser
// and the verification in front of it. Any bytes in: a manifest or a refusal with a reason,
// never a crash; a parsed manifest written out and parsed again is the same manifest.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "content/signed_manifest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto manifest = placard::parse_manifest(bytes, "MANIFEST");
    if (manifest) {
        auto again = placard::parse_manifest(placard::manifest_text(*manifest), "MANIFEST");
        if (!again || again->site != manifest->site ||
            again->files.size() != manifest->files.size()) {
            std::abort();
        }
    } else if (manifest.error().message.empty()) {
        std::abort();
    }
    placard::TrustPolicy policy;
    policy.trusted_keys.push_back({});
    if (auto parts = placard::split_feed_signature(bytes, "feed.json.sig")) {
        (void)placard::verify_manifest(parts->manifest, parts->signature, policy, 0,
                                       {placard::SignedKind::Feed}, "feed.json.sig");
    }
    return 0;
}
