// Where signed bundles come in on the device — the inbox folder (which the USB import fills)
// and the network upload endpoint — and are taken through the one staged update
// (content/staged_update.hpp). Imports are serialized within the service; across processes the
// store lock does it.
#pragma once

#include <chrono>
#include <filesystem>
#include <mutex>
#include <string>

#include "content/bundle_importer.hpp"
#include "core/player_config.hpp"
#include "service/content_writer.hpp"

namespace placard {

class BundleIntake {
  public:
    static Result<std::unique_ptr<BundleIntake>> create(const PlayerConfig& config);

    // Imports one bundle file, serialized with every other import; logs the outcome.
    UpdateOutcome take(const std::filesystem::path& file);
    const ContentStore& store() const { return store_; }
    // Whether what it takes was signed by a trusted key (the configuration does not allow
    // unsigned content).
    bool takes_only_signed() const { return !policy_.allow_unsigned; }
    // Logs a refusal that never reached the importer (a wrong token, a body the endpoint does
    // not take): at most one line a minute plus a count, and never into status.json or onto
    // the screen — an unauthenticated request must not change what anyone sees.
    void refuse_unauthenticated(const std::string& reason);

  private:
    BundleIntake(ContentStore store, TrustPolicy policy, BundleImportLimits limits)
        : store_(std::move(store)), policy_(std::move(policy)), limits_(limits) {}
    std::mutex mutex_;
    ContentStore store_;
    TrustPolicy policy_;
    BundleImportLimits limits_;
    std::mutex refusals_mutex_;
    std::chrono::steady_clock::time_point last_refusal_logged_{};
    unsigned long refusals_not_logged_ = 0;
};

}  // namespace placard
