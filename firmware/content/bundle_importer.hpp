// Takes a signed bundle file (from the inbox, a USB stick or a network upload) into the store
// through the same path as the feed: verify the signature and manifest, unpack into staging,
// validate the bundle and decode its images, refuse a version that is not newer, commit.
// Every refusal is recorded in status.json with its reason; the current version stays.
#pragma once

#include <filesystem>

#include "content/bundle_signature.hpp"
#include "content/content_store.hpp"
#include "content/feed_updater.hpp"

namespace placard {

struct BundleImportLimits {
    std::uint64_t max_bundle_bytes = 256 * 1024 * 1024;
    TarLimits archive;
};

UpdateOutcome import_bundle_file(const std::filesystem::path& file, const ContentStore& store,
                                 const TrustPolicy& policy, const BundleInspector& inspect,
                                 const BundleImportLimits& limits = {});

}  // namespace placard
