#include "service/bundle_intake.hpp"

#include "runtime/log.hpp"
#include "service/bundle_images.hpp"

namespace placard {

Result<std::unique_ptr<BundleIntake>> BundleIntake::create(const PlayerConfig& config) {
    ContentWriter writer = PLACARD_TRY(open_content_writer(config));
    return std::unique_ptr<BundleIntake>(
        new BundleIntake(std::move(writer.store), std::move(writer.policy), writer.bundle_limits));
}

UpdateOutcome BundleIntake::take(const std::filesystem::path& file) {
    std::lock_guard lock(mutex_);
    UpdateOutcome outcome = import_bundle_file(file, store_, policy_, check_bundle_images, limits_);
    if (outcome.kind != UpdateOutcome::Kind::Refused) {
        log_info("bundle " + file.filename().string() + ": " + describe_outcome(outcome));
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
