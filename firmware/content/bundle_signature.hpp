// Signed content bundles (libsodium's Ed25519). A bundle is one ustar archive holding
//
//     MANIFEST        "placard-bundle 1", then one "SHA256 SIZE PATH" line per file, sorted
//     MANIFEST.sig    "ed25519 PUBLIC-KEY-HEX SIGNATURE-HEX": the signature of MANIFEST's bytes
//     feed.json, media/…
//
// Verifying checks the signature against the device's trusted public keys, then that every file
// is in the manifest with its hash and size, and nothing else is in the archive.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "content/tar_archive.hpp"
#include "core/result.hpp"

namespace placard {

struct SigningKey {
    std::array<unsigned char, 64> secret{};
    std::array<unsigned char, 32> public_key{};
};

SigningKey generate_signing_key();
// Secret key file: "placard-secret-key-1 HEX(64 bytes)"; public key: HEX(32 bytes).
std::string secret_key_text(const SigningKey& key);
std::string public_key_hex(const std::array<unsigned char, 32>& key);
Result<SigningKey> parse_secret_key(std::string_view text, std::string_view origin);
Result<std::array<unsigned char, 32>> parse_public_key(std::string_view hex,
                                                       std::string_view origin);

// The files of a bundle folder (feed.json and what it names under media/), with a MANIFEST.
Result<std::vector<TarEntry>> pack_bundle_folder(const std::filesystem::path& dir);
// Adds (or replaces) MANIFEST.sig.
void sign_bundle(std::vector<TarEntry>& entries, const SigningKey& key);

struct TrustPolicy {
    std::vector<std::array<unsigned char, 32>> trusted_keys;
    bool allow_unsigned = false;  // Only when the configuration says so explicitly.
};

// The bundle's files without MANIFEST and MANIFEST.sig, once signature and manifest check out.
Result<std::vector<TarEntry>> verify_bundle(std::vector<TarEntry> entries,
                                            const TrustPolicy& policy, std::string_view origin);

}  // namespace placard
