#include "service/bundle_intake.hpp"

#include "runtime/log.hpp"
#include "service/bundle_images.hpp"

namespace placard {

Result<TrustPolicy> trust_policy(const PlayerConfig& config) {
    TrustPolicy policy;
    policy.allow_unsigned = config.allow_unsigned;
    policy.site = config.site;
    for (const std::string& hex : config.trusted_keys) {
        auto key = parse_public_key(hex, "trusted_key");
        if (!key) {
            return key.error();
        }
        policy.trusted_keys.push_back(*key);
    }
    return policy;
}

Result<std::unique_ptr<BundleIntake>> BundleIntake::create(const PlayerConfig& config) {
    auto store = ContentStore::for_writing(config.store_dir);
    if (!store) {
        return store.error();
    }
    auto policy = trust_policy(config);
    if (!policy) {
        return policy.error();
    }
    BundleImportLimits limits;
    limits.max_bundle_bytes = config.max_bundle_bytes;
    limits.archive.max_total_bytes = config.max_bundle_bytes;
    return std::unique_ptr<BundleIntake>(
        new BundleIntake(std::move(store.value()), std::move(policy.value()), limits));
}

UpdateOutcome BundleIntake::take(const std::filesystem::path& file) {
    std::lock_guard lock(mutex_);
    UpdateOutcome outcome = import_bundle_file(file, store_, policy_, check_bundle_images, limits_);
    if (outcome.kind == UpdateOutcome::Kind::Taken) {
        log_info("bundle " + file.filename().string() + ": took version " +
                 std::to_string(outcome.version));
    } else {
        log_error("bundle refused, the screen keeps the current version: " + outcome.reason());
    }
    return outcome;
}

void BundleIntake::refuse_unauthenticated(const std::string& reason) {
    std::lock_guard lock(refusals_mutex_);
    const auto now = std::chrono::steady_clock::now();
    if (now - last_refusal_logged_ < std::chrono::minutes(1) &&
        last_refusal_logged_.time_since_epoch().count() != 0) {
        ++refusals_not_logged_;
        return;
    }
    std::string line = "upload refused: " + reason;
    if (refusals_not_logged_ > 0) {
        line += " (and " + std::to_string(refusals_not_logged_) +
                " more refusals in the last minute, not logged one by one)";
    }
    log_warning(line);
    last_refusal_logged_ = now;
    refusals_not_logged_ = 0;
}

}  // namespace placard
