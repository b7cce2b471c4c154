#include "content/signed_manifest.hpp"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "core/feed_parser.hpp"
#include "core/utf8.hpp"

namespace placard {
namespace {

constexpr std::string_view kHeader = "placard-manifest 2";
// The first format: no site, no expiry. Its signatures are valid for anyone, forever.
constexpr std::string_view kOldHeader = "placard-bundle 1";
constexpr std::string_view kSecretKeyHeader = "placard-secret-key-1";
constexpr std::size_t kMaxManifestFiles = 1000;

std::string to_hex(const unsigned char* bytes, std::size_t size) {
    std::string hex(size * 2, '0');
    sodium_bin2hex(hex.data(), hex.size() + 1, bytes, size);
    return hex;
}

template <std::size_t N>
bool from_hex(std::string_view hex, std::array<unsigned char, N>& out) {
    std::size_t length = 0;
    return hex.size() == N * 2 &&
           sodium_hex2bin(out.data(), N, hex.data(), hex.size(), nullptr, &length, nullptr) == 0 &&
           length == N;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
        text.remove_suffix(1);
    }
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }
    return text;
}

void initialise_sodium() {
    static const bool ready = sodium_init() >= 0;
    (void)ready;
}

bool is_lower_hex(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// Splits off the text up to the first space.
std::string_view take_word(std::string_view& line) {
    const auto space = line.find(' ');
    const std::string_view word = line.substr(0, space);
    line = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
    return word;
}

}  // namespace

std::string_view signed_kind_name(SignedKind kind) {
    switch (kind) {
        case SignedKind::Feed:
            return "feed";
        case SignedKind::Notice:
            return "notice";
        case SignedKind::Bundle:
            break;
    }
    return "bundle";
}

const ManifestFile* Manifest::find(std::string_view path) const {
    const auto found = std::find_if(files.begin(), files.end(),
                                    [&](const ManifestFile& file) { return file.path == path; });
    return found == files.end() ? nullptr : &*found;
}

SigningKey generate_signing_key() {
    initialise_sodium();
    SigningKey key;
    crypto_sign_keypair(key.public_key.data(), key.secret.data());
    return key;
}

std::string secret_key_text(const SigningKey& key) {
    return std::string(kSecretKeyHeader) + " " + to_hex(key.secret.data(), key.secret.size()) +
           "\n";
}

std::string public_key_hex(const std::array<unsigned char, 32>& key) {
    return to_hex(key.data(), key.size());
}

Result<SigningKey> parse_secret_key(std::string_view text, std::string_view origin) {
    text = trim(text);
    if (!text.starts_with(kSecretKeyHeader)) {
        return make_error(std::string(origin) + ": not a Placard secret key");
    }
    SigningKey key;
    if (!from_hex(trim(text.substr(kSecretKeyHeader.size())), key.secret)) {
        return make_error(std::string(origin) + ": damaged secret key");
    }
    crypto_sign_ed25519_sk_to_pk(key.public_key.data(), key.secret.data());
    return key;
}

Result<std::array<unsigned char, 32>> parse_public_key(std::string_view hex,
                                                       std::string_view origin) {
    std::array<unsigned char, 32> key{};
    if (!from_hex(trim(hex), key)) {
        return make_error(std::string(origin) + ": a public key is 64 hex digits");
    }
    return key;
}

std::string manifest_text(Manifest manifest) {
    std::sort(manifest.files.begin(), manifest.files.end(),
              [](const ManifestFile& a, const ManifestFile& b) { return a.path < b.path; });
    std::string text = std::string(kHeader) + "\n";
    text += "kind " + std::string(signed_kind_name(manifest.kind)) + "\n";
    text += "site " + manifest.site + "\n";
    text += "expires " + format_utc_time(manifest.expires) + "\n";
    for (const ManifestFile& file : manifest.files) {
        text += file.sha256 + " " + std::to_string(file.size) + " " + file.path + "\n";
    }
    return text;
}

Result<Manifest> parse_manifest(std::string_view text, std::string_view origin) {
    const std::string where = std::string(origin) + ": ";
    const auto bad_line = [&](std::string_view line, std::string_view why) {
        return make_error(where + "bad line \"" + utf8::escape_for_message(line) + "\" (" +
                          std::string(why) + ")");
    };
    Manifest manifest;
    std::set<std::string, std::less<>> seen;
    std::size_t line_number = 0;
    bool has_site = false, has_expiry = false, has_kind = false;
    while (!text.empty()) {
        const auto end = text.find('\n');
        if (end == std::string_view::npos) {
            return make_error(where + "the last line is not complete (damaged)");
        }
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end + 1);
        ++line_number;
        if (line_number == 1) {
            if (line == kOldHeader) {
                return make_error(where +
                                  "signed in the first bundle format, which names no site and no "
                                  "expiry: sign it again with this placard-tool");
            }
            if (line != kHeader) {
                return make_error(where + "unknown format \"" + utf8::escape_for_message(line) +
                                  "\"");
            }
            continue;
        }
        if (line == "kind bundle" || line == "kind feed" || line == "kind notice") {
            if (has_kind) {
                return bad_line(line, "one kind");
            }
            manifest.kind = line == "kind feed"     ? SignedKind::Feed
                            : line == "kind notice" ? SignedKind::Notice
                                                    : SignedKind::Bundle;
            has_kind = true;
            continue;
        }
        if (line.starts_with("site ")) {
            manifest.site = std::string(line.substr(5));
            if (has_site || manifest.site.empty() || !utf8::is_valid(manifest.site)) {
                return bad_line(line, "one site, in UTF-8");
            }
            has_site = true;
            continue;
        }
        if (line.starts_with("expires ")) {
            const auto expires = parse_utc_time(line.substr(8));
            if (has_expiry || !expires) {
                return bad_line(line, "one expiry, as YYYY-MM-DDTHH:MM:SSZ");
            }
            manifest.expires = *expires;
            has_expiry = true;
            continue;
        }
        std::string_view rest = line;
        const std::string_view hash = take_word(rest);
        const std::string_view size_text = take_word(rest);
        // The path is the rest of the line, spaces and all: "media/banner 1.jpg" is one name.
        const std::string_view path = rest;
        ManifestFile file;
        const auto parsed =
            std::from_chars(size_text.data(), size_text.data() + size_text.size(), file.size);
        if (hash.size() != 64 || !is_lower_hex(hash) || size_text.empty() ||
            parsed.ec != std::errc() || parsed.ptr != size_text.data() + size_text.size()) {
            return bad_line(line, "expected SHA256 SIZE PATH");
        }
        if (!utf8::is_valid(path) || !is_safe_bundle_path(path) ||
            std::any_of(path.begin(), path.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
            return bad_line(line, "not a relative path inside the bundle");
        }
        if (!seen.insert(std::string(path)).second) {
            return bad_line(line, "the path is listed twice");
        }
        if (manifest.files.size() >= kMaxManifestFiles) {
            return make_error(ErrorKind::TooLarge,
                              where + "more than " + std::to_string(kMaxManifestFiles) + " files");
        }
        file.sha256 = std::string(hash);
        file.path = std::string(path);
        manifest.files.push_back(std::move(file));
    }
    if (line_number == 0) {
        return make_error(where + "empty");
    }
    if (!has_site || !has_expiry || !has_kind) {
        return make_error(where + "names no " +
                          (!has_kind  ? "kind"
                           : has_site ? "expiry"
                                      : "site"));
    }
    return manifest;
}

std::string signature_line(std::string_view manifest, const SigningKey& key) {
    initialise_sodium();
    unsigned char signature[crypto_sign_BYTES];
    crypto_sign_detached(signature, nullptr,
                         reinterpret_cast<const unsigned char*>(manifest.data()), manifest.size(),
                         key.secret.data());
    return "ed25519 " + public_key_hex(key.public_key) + " " + to_hex(signature, sizeof signature) +
           "\n";
}

Result<std::array<unsigned char, 32>> verify_text(
    std::string_view text, std::string_view signature,
    const std::vector<std::array<unsigned char, 32>>& keys, std::string_view origin) {
    initialise_sodium();
    const std::string where(origin);
    std::string_view fields = trim(signature);
    const std::string_view scheme = take_word(fields);
    const std::string_view key_hex = take_word(fields);
    const std::string_view signature_hex = fields;
    std::array<unsigned char, 32> key{};
    std::array<unsigned char, crypto_sign_BYTES> bytes{};
    if (scheme != "ed25519" || !from_hex(key_hex, key) || !from_hex(signature_hex, bytes)) {
        return make_error(ErrorKind::Unauthentic, where + ": unreadable signature");
    }
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        return make_error(ErrorKind::Unauthentic, where + ": signed by key " +
                                                      std::string(key_hex.substr(0, 16)) +
                                                      "…, which this device does not trust");
    }
    if (crypto_sign_verify_detached(bytes.data(),
                                    reinterpret_cast<const unsigned char*>(text.data()),
                                    text.size(), key.data()) != 0) {
        return make_error(ErrorKind::Unauthentic, where + ": the signature does not match");
    }
    return key;
}

Result<Manifest> verify_manifest(std::string_view manifest,
                                 std::optional<std::string_view> signature,
                                 const TrustPolicy& policy, std::time_t now,
                                 std::initializer_list<SignedKind> kinds, std::string_view origin) {
    initialise_sodium();
    const std::string where(origin);
    if (!signature) {
        if (!policy.allow_unsigned) {
            return make_error(ErrorKind::Unauthentic,
                              where + ": not signed (unsigned content is not allowed)");
        }
    } else if (auto signer = verify_text(manifest, *signature, policy.trusted_keys, where);
               !signer) {
        return signer.error();
    }
    auto parsed = parse_manifest(manifest, where + ": manifest");
    if (!parsed) {
        return parsed;
    }
    if (std::find(kinds.begin(), kinds.end(), parsed->kind) == kinds.end()) {
        // A feed's public signature file must not pass as a bundle, nor a notice as content.
        std::string wanted;
        for (const SignedKind kind : kinds) {
            wanted += (wanted.empty() ? "" : " or ") + std::string(signed_kind_name(kind));
        }
        return make_error(ErrorKind::Unauthentic, where + ": signed as a " +
                                                      std::string(signed_kind_name(parsed->kind)) +
                                                      ", not as a " + wanted);
    }
    // Signatures good for more than ten years are refused: the tools never make them, and a
    // key that leaked should not have made content that stays good forever.
    constexpr std::time_t kLongestValidity = 3660L * 24 * 3600;
    if (signature && now > 0 && parsed->expires - now > kLongestValidity) {
        return make_error(ErrorKind::Unauthentic,
                          where + ": the signature is good until " +
                              format_utc_time(parsed->expires) +
                              ", more than ten years ahead: sign it again with --valid-days");
    }
    if (signature && parsed->expires <= now) {
        return make_error(ErrorKind::Unauthentic, where + ": the signature expired at " +
                                                      format_utc_time(parsed->expires) +
                                                      ": sign it again");
    }
    return parsed;
}

Status check_manifest_site(const Manifest& manifest, std::string_view expected_site,
                           std::string_view origin) {
    if (manifest.site != expected_site) {
        return make_error(ErrorKind::Unauthentic,
                          std::string(origin) + ": signed for the site \"" +
                              utf8::escape_for_message(manifest.site) +
                              "\", and this screen is \"" +
                              utf8::escape_for_message(expected_site) +
                              "\" (a screen changes sites only with site = … in placard.conf)");
    }
    return Done{};
}

std::string feed_signature_file(std::string_view manifest, const SigningKey& key) {
    return signature_line(manifest, key) + std::string(manifest);
}

Result<DetachedSignature> split_feed_signature(std::string_view file, std::string_view origin) {
    const auto end = file.find('\n');
    if (end == std::string_view::npos || !file.starts_with("ed25519 ")) {
        return make_error(std::string(origin) + ": not a Placard feed signature");
    }
    return DetachedSignature{file.substr(0, end), file.substr(end + 1)};
}

std::optional<std::time_t> parse_utc_time(std::string_view text) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
        text[13] != ':' || text[16] != ':' || text[19] != 'Z') {
        return std::nullopt;
    }
    const auto number = [&](std::size_t at, std::size_t length, int& out) {
        const auto parsed = std::from_chars(text.data() + at, text.data() + at + length, out);
        return parsed.ec == std::errc() && parsed.ptr == text.data() + at + length;
    };
    if (!number(0, 4, year) || !number(5, 2, month) || !number(8, 2, day) || !number(11, 2, hour) ||
        !number(14, 2, minute) || !number(17, 2, second) || month < 1 || month > 12 || day < 1 ||
        day > 31 || hour > 23 || minute > 59 || second > 60) {
        return std::nullopt;
    }
    std::tm utc{};
    utc.tm_year = year - 1900;
    utc.tm_mon = month - 1;
    utc.tm_mday = day;
    utc.tm_hour = hour;
    utc.tm_min = minute;
    utc.tm_sec = second;
    const std::time_t time = timegm(&utc);
    // timegm moves an impossible date (February 30) on, and a time past what time_t holds
    // (2038 on a 32-bit board) fails: either way it does not read back as written.
    if (format_utc_time(time) != text) {
        return std::nullopt;
    }
    return time;
}

std::string format_utc_time(std::time_t time) {
    std::tm utc{};
    gmtime_r(&time, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

}  // namespace placard
