#include "content/bundle_importer.hpp"

#include <fstream>

#include "content/bundle_reader.hpp"

namespace placard {

namespace fs = std::filesystem;

UpdateOutcome import_bundle_file(const fs::path& file, const ContentStore& store,
                                 const TrustPolicy& policy, const BundleInspector& inspect,
                                 const BundleImportLimits& limits) {
    UpdateStatus status = load_update_status(store.status_file());
    const std::string origin = file.filename().string();
    const auto refuse = [&](std::string reason) {
        status.last_error = reason;
        status.last_error_at = now_rfc3339();
        status.consecutive_failures += 1;
        (void)save_update_status(store.status_file(), status);
        return UpdateOutcome{UpdateOutcome::Kind::Refused, -1, std::move(reason)};
    };
    auto bytes = read_file(file, limits.max_bundle_bytes);
    if (!bytes) {
        return refuse(bytes.error().message);
    }
    auto entries = read_tar(*bytes, origin, limits.archive);
    if (!entries) {
        return refuse(entries.error().message);
    }
    auto files = verify_bundle(std::move(entries.value()), policy, origin);
    if (!files) {
        return refuse(files.error().message);
    }
    auto staging = store.begin_staging();
    if (!staging) {
        return refuse(staging.error().message);
    }
    const auto discard = [&] {
        std::error_code error;
        fs::remove_all(*staging, error);
    };
    for (const TarEntry& entry : *files) {
        const fs::path target = *staging / entry.path;
        std::error_code error;
        fs::create_directories(target.parent_path(), error);
        std::ofstream out(target, std::ios::binary);
        out.write(entry.data.data(), static_cast<std::streamsize>(entry.data.size()));
        if (!out) {
            discard();
            return refuse(target.string() + ": cannot write (disk full?)");
        }
    }
    BundleCheck check = read_bundle(*staging);
    std::vector<std::string> problems = check.problems;
    if (problems.empty() && inspect) {
        problems = inspect(*staging, check.feed);
    }
    if (!problems.empty()) {
        discard();
        // Name the file as the bundle does, not by where it was unpacked.
        std::string problem = problems.front();
        const std::string unpacked = staging->string() + "/";
        if (problem.starts_with(unpacked)) {
            problem.erase(0, unpacked.size());
        }
        return refuse(origin + ": " + problem);
    }
    const auto current = store.current_version();
    if (current && check.feed.version <= *current) {
        discard();
        return refuse(origin + ": version " + std::to_string(check.feed.version) +
                      " is not newer than the current version " + std::to_string(*current));
    }
    if (auto committed = store.commit(*staging, check.feed.version); !committed) {
        discard();
        return refuse(committed.error().message);
    }
    status.version = check.feed.version;
    status.source = "bundle " + origin;
    status.taken_at = now_rfc3339();
    status.last_error.clear();
    status.consecutive_failures = 0;
    (void)save_update_status(store.status_file(), status);
    return UpdateOutcome{UpdateOutcome::Kind::Taken, check.feed.version, {}};
}

}  // namespace placard
