// Pulls the feed over HTTP(S) into the content store (ARCHITECTURE.md, "Data flow"):
//
//   GET feed.json (conditional: If-None-Match / If-Modified-Since) → parse and validate →
//   refuse a version lower than the current one → assemble the update in staging: media whose
//   sha256 matches a file of the current version are copied from it, the others downloaded
//   and checked against their sha256 → check the whole bundle (images decode, within limits)
//   → commit (atomic switch; the old version stays as previous).
//
// Every failure leaves the current version as it is and is recorded in status.json with where
// and what. Failures back off exponentially with jitter, so that a fleet of screens does not
// hammer a recovering server at the same moment.
#pragma once

#include <functional>
#include <random>
#include <string>

#include "content/content_store.hpp"
#include "content/update_status.hpp"
#include "core/content_model.hpp"
#include "core/player_config.hpp"

namespace placard {

struct UpdateOutcome {
    enum class Kind { Taken, Unchanged, Refused };
    Kind kind = Kind::Unchanged;
    std::int64_t version = -1;
    std::string reason;  // For Refused: where and what.
};

// A deeper check of an assembled bundle than the content module can do alone (decoding the
// images), given the bundle's folder and its feed as already parsed; returns the problems, one
// "where: what" line each, empty when the bundle is good.
using BundleInspector =
    std::function<std::vector<std::string>(const std::filesystem::path&, const Feed&)>;

class FeedUpdater {
  public:
    FeedUpdater(ContentStore store, PlayerConfig config, BundleInspector inspect);

    // One poll: fetch, check, and take the feed if it is new and good.
    UpdateOutcome poll_once();
    // Seconds until the next poll: the configured interval after a success, after failures
    // min(max_backoff, interval × 2^(failures-1)) scaled by a random factor in [0.5, 1.5].
    double next_delay(const UpdateOutcome& outcome);

    const ContentStore& store() const { return store_; }

  private:
    UpdateOutcome refuse(UpdateStatus& status, std::string reason);
    Status assemble(const std::string& feed_text, const Feed& feed,
                    const std::filesystem::path& staging);
    // Puts one media file into staging: copied from the current version when its sha256
    // matches, else downloaded and checked against the sha256 (when the feed gives one).
    Status fetch_media(const std::string& path, const std::string& sha256,
                       const std::filesystem::path& staging);

    ContentStore store_;
    PlayerConfig config_;
    BundleInspector inspect_;
    std::mt19937 random_;
    int failures_ = 0;
};

}  // namespace placard
