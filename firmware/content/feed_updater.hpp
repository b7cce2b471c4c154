// Pulls the feed over HTTP(S) into the content store (ARCHITECTURE.md, "Data flow"):
//
//   GET feed.json (conditional: If-None-Match / If-Modified-Since) and feed.json.sig → verify
//   the signature (signed_manifest: the same key, site binding and expiry as bundles) and that
//   feed.json is the file it signs → parse → a version below the highest ever taken is refused,
//   the same version is "unchanged" → assemble the update in a staging folder of its own: each
//   media file the manifest lists is copied from the current version when its hash matches,
//   else downloaded and checked against the signed hash → the common staged update (validate
//   everything the player reads, commit under the store lock).
//
// A feed without feed.json.sig is refused unless the configuration says allow_unsigned, whatever
// the URL's scheme: TLS says who served it, not who wrote it. Every failure leaves the current
// version as it is and is recorded in status.json with where and what. Failures back off
// exponentially with jitter, so that a fleet of screens does not hammer a recovering server.
#pragma once

#include <functional>
#include <random>
#include <string>

#include "content/content_store.hpp"
#include "content/staged_update.hpp"
#include "core/content_model.hpp"
#include "core/player_config.hpp"

namespace placard {

class FeedUpdater {
  public:
    FeedUpdater(ContentStore store, PlayerConfig config, TrustPolicy policy,
                BundleInspector inspect);

    // One poll: fetch, check, and take the feed if it is new and good.
    UpdateOutcome poll_once();
    // Seconds until the next poll: the configured interval after a success, after failures
    // min(max_backoff, interval × 2^(failures-1)) scaled by a random factor in [0.5, 1.5].
    double next_delay(const UpdateOutcome& outcome);

    const ContentStore& store() const { return store_; }

  private:
    UpdateOutcome refuse(Error reason);
    // Puts one file into staging: copied from the current version when its sha256 matches,
    // else downloaded and checked against the sha256 (when there is one).
    Status fetch_file(const std::string& path, const std::string& sha256, std::uint64_t max_bytes,
                      const std::filesystem::path& staging);

    ContentStore store_;
    PlayerConfig config_;
    TrustPolicy policy_;
    BundleInspector inspect_;
    std::mt19937 random_;
    int failures_ = 0;
};

}  // namespace placard
