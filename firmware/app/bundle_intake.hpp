// Where signed bundles come in on the device — the inbox folder (which the USB import fills)
// and the network upload endpoint — and are taken one at a time through the same importer.
#pragma once

#include <filesystem>
#include <mutex>
#include <string>

#include "content/bundle_importer.hpp"
#include "core/player_config.hpp"

namespace placard {

class BundleIntake {
  public:
    static Result<std::unique_ptr<BundleIntake>> create(const PlayerConfig& config);

    // Imports one bundle file, serialized with every other import; logs the outcome.
    UpdateOutcome take(const std::filesystem::path& file);
    const ContentStore& store() const { return store_; }
    // Records a refusal that never reached the importer (a wrong token, an upload over the
    // limit) in the log and the status.
    void refuse_upload(const std::string& reason);

  private:
    BundleIntake(ContentStore store, TrustPolicy policy, BundleImportLimits limits)
        : store_(std::move(store)), policy_(std::move(policy)), limits_(limits) {}
    std::mutex mutex_;
    ContentStore store_;
    TrustPolicy policy_;
    BundleImportLimits limits_;
};

// The trust policy the configuration describes.
Result<TrustPolicy> trust_policy(const PlayerConfig& config);

}  // namespace placard
