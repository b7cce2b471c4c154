#include "content/bundle_signature.hpp"

#include <sodium.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "content/bundle_reader.hpp"
#include "content/sha256.hpp"
#include "core/feed_parser.hpp"

namespace placard {
namespace {

constexpr std::string_view kManifest = "MANIFEST";
constexpr std::string_view kSignature = "MANIFEST.sig";
constexpr std::string_view kManifestHeader = "placard-bundle 1";
constexpr std::string_view kSecretKeyHeader = "placard-secret-key-1";

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

}  // namespace

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

Result<std::vector<TarEntry>> pack_bundle_folder(const std::filesystem::path& dir) {
    BundleCheck check = read_bundle(dir);
    if (!check.ok()) {
        return make_error(check.problems.front());
    }
    std::vector<TarEntry> files;
    std::vector<std::string> paths = {"feed.json"};
    for (const std::string& media : media_paths(check.feed)) {
        paths.push_back(media);
    }
    if (std::filesystem::exists(dir / "layout.json")) {
        paths.push_back("layout.json");
    }
    std::sort(paths.begin(), paths.end());
    std::ostringstream manifest;
    manifest << kManifestHeader << "\n";
    for (const std::string& path : paths) {
        auto data = read_file(dir / path, 64 * 1024 * 1024);
        if (!data) {
            return data.error();
        }
        manifest << sha256_hex(*data) << " " << data->size() << " " << path << "\n";
        files.push_back(TarEntry{path, std::move(data.value())});
    }
    files.insert(files.begin(), TarEntry{std::string(kManifest), manifest.str()});
    return files;
}

void sign_bundle(std::vector<TarEntry>& entries, const SigningKey& key) {
    initialise_sodium();
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [](const TarEntry& e) { return e.path == kSignature; }),
                  entries.end());
    const auto manifest = std::find_if(entries.begin(), entries.end(),
                                       [](const TarEntry& e) { return e.path == kManifest; });
    if (manifest == entries.end()) {
        return;
    }
    unsigned char signature[crypto_sign_BYTES];
    crypto_sign_detached(signature, nullptr,
                         reinterpret_cast<const unsigned char*>(manifest->data.data()),
                         manifest->data.size(), key.secret.data());
    entries.insert(manifest + 1, TarEntry{std::string(kSignature),
                                          "ed25519 " + public_key_hex(key.public_key) + " " +
                                              to_hex(signature, sizeof signature) + "\n"});
}

Result<std::vector<TarEntry>> verify_bundle(std::vector<TarEntry> entries,
                                            const TrustPolicy& policy, std::string_view origin) {
    initialise_sodium();
    const std::string where(origin);
    const auto find = [&](std::string_view name) {
        return std::find_if(entries.begin(), entries.end(),
                            [&](const TarEntry& e) { return e.path == name; });
    };
    const auto manifest = find(kManifest);
    if (manifest == entries.end()) {
        return make_error(where + ": no MANIFEST (not a Placard bundle)");
    }
    const auto signature = find(kSignature);
    if (signature == entries.end()) {
        if (!policy.allow_unsigned) {
            return make_error(where + ": not signed (unsigned bundles are not allowed)");
        }
    } else {
        std::istringstream fields(signature->data);
        std::string scheme, key_hex, signature_hex;
        fields >> scheme >> key_hex >> signature_hex;
        std::array<unsigned char, 32> key{};
        std::array<unsigned char, crypto_sign_BYTES> bytes{};
        if (scheme != "ed25519" || !from_hex(key_hex, key) || !from_hex(signature_hex, bytes)) {
            return make_error(where + ": MANIFEST.sig: unreadable signature");
        }
        if (std::find(policy.trusted_keys.begin(), policy.trusted_keys.end(), key) ==
            policy.trusted_keys.end()) {
            return make_error(where + ": signed by key " + key_hex.substr(0, 16) +
                              "…, which this device does not trust");
        }
        if (crypto_sign_verify_detached(
                bytes.data(), reinterpret_cast<const unsigned char*>(manifest->data.data()),
                manifest->data.size(), key.data()) != 0) {
            return make_error(where + ": the signature does not match the manifest");
        }
    }
    // Every file listed, with its hash and size; nothing unlisted.
    std::map<std::string, std::pair<std::string, std::uint64_t>> listed;
    std::istringstream lines(manifest->data);
    std::string line;
    std::getline(lines, line);
    if (line != kManifestHeader) {
        return make_error(where + ": MANIFEST: unknown format \"" + line + "\"");
    }
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        std::string hash, path;
        std::uint64_t size = 0;
        if (!(fields >> hash >> size >> path) || !is_safe_bundle_path(path) ||
            !listed.emplace(path, std::make_pair(hash, size)).second) {
            return make_error(where + ": MANIFEST: bad line \"" + line + "\"");
        }
    }
    std::vector<TarEntry> files;
    for (TarEntry& entry : entries) {
        if (entry.path == kManifest || entry.path == kSignature) {
            continue;
        }
        const auto found = listed.find(entry.path);
        if (found == listed.end()) {
            return make_error(where + ": " + entry.path + ": not in the manifest");
        }
        if (found->second.second != entry.data.size() ||
            found->second.first != sha256_hex(entry.data)) {
            return make_error(where + ": " + entry.path + ": does not match the manifest");
        }
        listed.erase(found);
        files.push_back(std::move(entry));
    }
    if (!listed.empty()) {
        return make_error(where + ": " + listed.begin()->first + ": in the manifest but missing");
    }
    return files;
}

}  // namespace placard
