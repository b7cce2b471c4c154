// What every writer of a device's content starts from — the content service, `placard-tool
// fetch` and `placard-tool import` — read from the device's configuration once, the same way:
// the store opened for writing, the trust policy, and the limits a bundle is taken within.
#pragma once

#include "content/bundle_importer.hpp"
#include "content/content_store.hpp"
#include "content/signed_manifest.hpp"
#include "core/player_config.hpp"
#include "core/result.hpp"

namespace placard {

struct ContentWriter {
    ContentStore store;
    TrustPolicy policy;
    BundleImportLimits bundle_limits;
};

// Opens (creates) the store and reads the trusted keys; fails on a store it cannot create or a
// key that is not 64 hex digits.
Result<ContentWriter> open_content_writer(const PlayerConfig& config);

// The trust policy the configuration describes (also for `placard-tool verify`, which writes
// nothing).
Result<TrustPolicy> trust_policy(const PlayerConfig& config);

}  // namespace placard
