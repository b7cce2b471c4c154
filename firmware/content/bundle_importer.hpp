// Takes a signed bundle file (from the inbox, a USB stick, a network upload or `placard-tool
// import`) into the store, reading it once from the file, entry by entry: MANIFEST and its
// signature first, checked against the trust policy; then each file streamed into a staging
// folder of this import's own while its SHA-256 is computed, and compared with the manifest.
// Memory stays at about one read buffer whatever the bundle's size. The rest is the common
// staged update (staged_update.hpp).
#pragma once

#include <ctime>
#include <filesystem>

#include "content/content_store.hpp"
#include "content/staged_update.hpp"
#include "content/tar_archive.hpp"

namespace placard {

struct BundleImportLimits {
    std::uint64_t max_bundle_bytes = 256 * 1024 * 1024;
    TarLimits archive;
};

UpdateOutcome import_bundle_file(const std::filesystem::path& file, const ContentStore& store,
                                 const TrustPolicy& policy, const BundleInspector& inspect,
                                 const BundleImportLimits& limits = {});

// Verifies the signature and manifest and unpacks the files into `dir`, streaming; the
// manifest, or the reason. Shared by the importer and `placard-tool verify`/`validate`.
Result<std::optional<Manifest>> unpack_signed_bundle(const std::filesystem::path& file,
                                                     const std::filesystem::path& dir,
                                                     const TrustPolicy& policy, std::time_t now,
                                                     const BundleImportLimits& limits,
                                                     std::string_view origin);

}  // namespace placard
