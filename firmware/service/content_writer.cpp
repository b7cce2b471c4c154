#include "service/content_writer.hpp"

namespace placard {

Result<TrustPolicy> trust_policy(const PlayerConfig& config) {
    TrustPolicy policy;
    policy.allow_unsigned = config.allow_unsigned;
    policy.site = config.site;
    for (const std::string& hex : config.trusted_keys) {
        policy.trusted_keys.push_back(PLACARD_TRY(parse_public_key(hex, "trusted_key")));
    }
    return policy;
}

Result<ContentWriter> open_content_writer(const PlayerConfig& config) {
    TrustPolicy policy = PLACARD_TRY(trust_policy(config));
    ContentStore store = PLACARD_TRY(ContentStore::for_writing(config.store_dir));
    BundleImportLimits limits;
    // A bundle, and what it unpacks to, within the configured size.
    limits.max_bundle_bytes = config.max_bundle_bytes;
    limits.archive.max_total_bytes = config.max_bundle_bytes;
    return ContentWriter{std::move(store), std::move(policy), limits};
}

}  // namespace placard
