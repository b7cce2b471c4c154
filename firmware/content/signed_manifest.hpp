// The signed statement behind every piece of content a screen takes: which files, with which
// SHA-256 and size, for which site, until when. Bundles carry it as MANIFEST + MANIFEST.sig; a
// feed on a web server as feed.json.sig next to feed.json (the signature line, then the
// manifest). One format, one verification, one trust policy (ARCHITECTURE.md, "Data flow").
//
//     placard-manifest 2
//     kind bundle                          (or "feed", "notice": what the signer made)
//     site 中共通渭县委组织部
//     expires 2027-02-25T09:00:00Z
//     <sha256-hex> <size> feed.json
//     <sha256-hex> <size> media/banner 1.jpg          (the path is the rest of the line)
//
// The signature ("ed25519 PUBLIC-KEY-HEX SIGNATURE-HEX") covers the manifest's exact bytes.
// Binding the site and an expiry into what is signed means a bundle signed for one office
// cannot be replayed on another office's screens, nor an old one forever; binding the kind
// means a feed's public signature file cannot be repackaged as a bundle (or the reverse).
#pragma once

#include <array>
#include <cstdint>
#include <ctime>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace placard {

struct ManifestFile {
    std::string path;
    std::string sha256;  // Lower-case hex.
    std::uint64_t size = 0;
};

// What the signer made: a content bundle, a feed (feed.json.sig), or an urgent notice (a bundle
// holding one notice.json, taken into the notice register rather than as a content version).
enum class SignedKind { Bundle, Feed, Notice };
// "bundle", "feed", "notice": the word in the manifest's "kind" line.
std::string_view signed_kind_name(SignedKind kind);

struct Manifest {
    SignedKind kind = SignedKind::Bundle;
    std::string site;
    std::time_t expires = 0;  // Seconds since the epoch (UTC).
    std::vector<ManifestFile> files;
    const ManifestFile* find(std::string_view path) const;
};

struct SigningKey {
    std::array<unsigned char, 64> secret{};
    std::array<unsigned char, 32> public_key{};
};

struct TrustPolicy {
    std::vector<std::array<unsigned char, 32>> trusted_keys;
    bool allow_unsigned = false;  // Only when the configuration says so explicitly.
    // The site this screen belongs to (configuration `site`); empty: the site of the content
    // the screen has (or, for its very first content, the site the content names itself).
    std::string site;
};

SigningKey generate_signing_key();
// Secret key file: "placard-secret-key-1 HEX(64 bytes)"; public key: HEX(32 bytes).
std::string secret_key_text(const SigningKey& key);
std::string public_key_hex(const std::array<unsigned char, 32>& key);
Result<SigningKey> parse_secret_key(std::string_view text, std::string_view origin);
Result<std::array<unsigned char, 32>> parse_public_key(std::string_view hex,
                                                       std::string_view origin);

// The manifest's text, files sorted by path.
std::string manifest_text(Manifest manifest);
// Parses a manifest's text; `origin` prefixes every message ("x.placard: MANIFEST: ...").
Result<Manifest> parse_manifest(std::string_view text, std::string_view origin);
// "ed25519 PUBLIC-KEY-HEX SIGNATURE-HEX\n" over the exact bytes of `manifest`.
std::string signature_line(std::string_view manifest, const SigningKey& key);

// The signer of a good signature ("ed25519 KEY SIG", from signature_line) of exactly `text`, if
// it is one of `keys`; Unauthentic otherwise, with `origin` and the reason.
Result<std::array<unsigned char, 32>> verify_text(
    std::string_view text, std::string_view signature,
    const std::vector<std::array<unsigned char, 32>>& keys, std::string_view origin);
// Checks `signature` (absent: unsigned) over `manifest` against the policy and the expiry at
// `now`, then parses it and checks that it was signed as one of `kinds`. An unsigned manifest
// passes only when the policy allows unsigned content. The site is checked by check_manifest_site
// once the content's own site is known.
Result<Manifest> verify_manifest(std::string_view manifest,
                                 std::optional<std::string_view> signature,
                                 const TrustPolicy& policy, std::time_t now,
                                 std::initializer_list<SignedKind> kinds, std::string_view origin);
// The site binding: the manifest must name `expected_site`.
Status check_manifest_site(const Manifest& manifest, std::string_view expected_site,
                           std::string_view origin);

// A feed's signature file (feed.json.sig, served next to feed.json): the signature line, then
// the manifest it signs.
std::string feed_signature_file(std::string_view manifest, const SigningKey& key);
struct DetachedSignature {
    std::string_view signature;  // The first line.
    std::string_view manifest;   // The rest.
};
Result<DetachedSignature> split_feed_signature(std::string_view file, std::string_view origin);

// Seconds since the epoch from "YYYY-MM-DDTHH:MM:SSZ" (the form manifests use), or nothing.
std::optional<std::time_t> parse_utc_time(std::string_view text);
std::string format_utc_time(std::time_t time);

}  // namespace placard
