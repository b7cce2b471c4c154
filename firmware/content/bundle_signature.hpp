// Signed content bundles (libsodium's Ed25519). A bundle is one ustar archive holding, in order,
//
//     MANIFEST        the signed manifest (signed_manifest.hpp): site, expiry, and one
//                     "SHA256 SIZE PATH" line per file
//     MANIFEST.sig    "ed25519 PUBLIC-KEY-HEX SIGNATURE-HEX": the signature of MANIFEST's bytes
//     feed.json, layout.json, media/…
//
// MANIFEST and its signature come first so that a screen verifies them before it reads a byte
// of anything else, then checks each file against the manifest as it streams past.
#pragma once

#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "content/signed_manifest.hpp"
#include "content/tar_archive.hpp"
#include "core/result.hpp"

namespace placard {

inline constexpr std::string_view kManifestEntry = "MANIFEST";
inline constexpr std::string_view kSignatureEntry = "MANIFEST.sig";
// The one file of a notice file (a bundle signed as "kind notice"): notice_register.hpp.
inline constexpr std::string_view kNoticeEntry = "notice.json";

struct SigningTerms {
    SignedKind kind = SignedKind::Bundle;  // A feed.json.sig is signed as a feed.
    std::string site;                      // Empty: the feed's site.name.
    std::time_t expires = 0;               // When the signature stops being good.
};

// The files of a bundle folder (feed.json, layout.json if there is one, and what the feed
// names under media/).
Result<std::vector<TarEntry>> bundle_folder_files(const std::filesystem::path& dir);
// The manifest of `files`, signed: [MANIFEST, MANIFEST.sig, files…] ready for write_tar.
// `site` empty takes the site.name of the feed.json among the files.
Result<std::vector<TarEntry>> sign_bundle_files(std::vector<TarEntry> files, const SigningKey& key,
                                                const SigningTerms& terms);

// Checks an archive's signature and manifest (in memory: for `verify` and tests); returns the
// bundle's files without MANIFEST and MANIFEST.sig.
Result<std::vector<TarEntry>> verify_bundle(std::vector<TarEntry> entries,
                                            const TrustPolicy& policy, std::time_t now,
                                            std::string_view origin);

}  // namespace placard
