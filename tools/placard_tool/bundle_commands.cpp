// Signed bundles from the admin's side:
//   placard-tool keygen NAME                      NAME.key (secret) and NAME.pub (public key)
//   placard-tool pack DIR OUT.placard [--key NAME.key] [--site SITE] [--valid-days N]
//   placard-tool sign BUNDLE NAME.key [--site SITE] [--valid-days N]   (re-)signs in place
//   placard-tool sign-feed DIR --key NAME.key [--site SITE] [--valid-days N]
//                                                 writes DIR/feed.json.sig for a web server
//   placard-tool verify BUNDLE (--key NAME.pub | --config FILE)
//   placard-tool import BUNDLE [--config FILE]    into the device's store, as the inbox does
//   placard-tool push URL BUNDLE [--token TOKEN]  to a device's upload endpoint
#include <stdlib.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>

#include "commands.hpp"
#include "content/bundle_importer.hpp"
#include "content/bundle_reader.hpp"
#include "content/bundle_signature.hpp"
#include "content/content_store.hpp"
#include "content/feed_signing.hpp"
#include "content/http_client.hpp"
#include "content/sha256.hpp"
#include "content/staged_update.hpp"
#include "core/notice_json.hpp"
#include "runtime/device_config.hpp"
#include "runtime/log.hpp"
#include "service/bundle_images.hpp"
#include "service/content_writer.hpp"
#include "service/feed_poller.hpp"

namespace placard::tool {
namespace {

Status write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    if (!out) {
        return make_error(path + ": cannot write");
    }
    return Done{};
}

Result<SigningKey> load_secret_key(const std::string& path) {
    auto text = read_file(path, 4096);
    if (!text) {
        return text.error();
    }
    return parse_secret_key(*text, path);
}

constexpr long kDefaultValidDays = 90;

// The arguments of the signing commands: POSITIONAL… [--key NAME.key] [--site SITE]
// [--valid-days N] (default 90 days). `ok` is false for anything else, or a count of
// positional arguments other than `positional_count`.
struct SigningArguments {
    std::vector<std::string> positional;
    std::string key_file;
    SigningTerms terms;
    bool ok = true;
};

SigningArguments read_signing_arguments(const Arguments& arguments, std::size_t positional_count) {
    SigningArguments read;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const bool has_value = i + 1 < arguments.size();
        if (arguments[i] == "--site" && has_value) {
            read.terms.site = arguments[++i];
        } else if (arguments[i] == "--valid-days" && has_value) {
            char* end = nullptr;
            const long days = std::strtol(arguments[++i].c_str(), &end, 10);
            read.ok = read.ok && *end == '\0' && days >= 1 && days <= 3660;
            read.terms.expires = std::time(nullptr) + days * 86400;
        } else if (arguments[i] == "--key" && has_value) {
            read.key_file = arguments[++i];
        } else if (!arguments[i].starts_with("--")) {
            read.positional.push_back(arguments[i]);
        } else {
            read.ok = false;
        }
    }
    read.ok = read.ok && read.positional.size() == positional_count;
    if (read.terms.expires == 0) {
        read.terms.expires = std::time(nullptr) + kDefaultValidDays * 86400;
    }
    return read;
}

int fail(const std::string& message, int code = 1) {
    log_error(message);
    return code;
}

}  // namespace

int keygen_command(const Arguments& arguments) {
    if (arguments.size() != 1 || arguments[0].starts_with("--")) {
        return fail("keygen: usage: keygen NAME (writes NAME.key and NAME.pub)", 2);
    }
    const SigningKey key = generate_signing_key();
    const std::string secret = arguments[0] + ".key", public_file = arguments[0] + ".pub";
    // The secret key is for its owner's eyes only.
    const mode_t previous = umask(077);
    const Status written = write_bytes(secret, secret_key_text(key));
    umask(previous);
    if (!written) {
        return fail(written.error().message);
    }
    if (auto pub = write_bytes(public_file, public_key_hex(key.public_key) + "\n"); !pub) {
        return fail(pub.error().message);
    }
    std::printf(
        "secret key: %s (keep it safe)\npublic key: %s\n  add to the device's "
        "placard.conf:  trusted_key = %s\n",
        secret.c_str(), public_file.c_str(), public_key_hex(key.public_key).c_str());
    return 0;
}

int pack_command(const Arguments& arguments) {
    constexpr const char* kUsage =
        "pack: usage: pack DIR OUT.placard --key NAME.key [--site SITE] [--valid-days N]";
    const SigningArguments signing = read_signing_arguments(arguments, 2);
    if (!signing.ok) {
        return fail(kUsage, 2);
    }
    const std::string &dir = signing.positional[0], &out = signing.positional[1],
                      &key_file = signing.key_file;
    auto files = bundle_folder_files(dir);
    if (!files) {
        return fail(files.error().message);
    }
    std::vector<TarEntry> entries;
    if (!key_file.empty()) {
        auto key = load_secret_key(key_file);
        if (!key) {
            return fail(key.error().message);
        }
        auto signed_files = sign_bundle_files(std::move(files.value()), *key, signing.terms);
        if (!signed_files) {
            return fail(signed_files.error().message);
        }
        entries = std::move(signed_files.value());
    } else {
        // Unsigned: still a manifest (screens with allow_unsigned = true check its hashes).
        Manifest manifest;
        manifest.site = signing.terms.site.empty() ? "unsigned" : signing.terms.site;
        manifest.expires = signing.terms.expires;
        for (const TarEntry& file : *files) {
            manifest.files.push_back(
                ManifestFile{file.path, sha256_hex(file.data), file.data.size()});
        }
        entries = std::move(files.value());
        entries.insert(entries.begin(),
                       TarEntry{std::string(kManifestEntry), manifest_text(std::move(manifest))});
    }
    auto archive = write_tar(entries);
    if (!archive) {
        return fail(archive.error().message);
    }
    if (auto written = write_file_atomically(out, *archive); !written) {
        return fail(written.error().message);
    }
    std::printf("%s: %zu files, %s\n", out.c_str(), entries.size(),
                key_file.empty() ? "not signed" : "signed");
    return 0;
}

int sign_command(const Arguments& arguments) {
    constexpr const char* kUsage =
        "sign: usage: sign BUNDLE NAME.key [--site SITE] [--valid-days N]";
    const SigningArguments signing = read_signing_arguments(arguments, 2);
    if (!signing.ok || !signing.key_file.empty()) {
        return fail(kUsage, 2);
    }
    const std::string &bundle = signing.positional[0], &key_file = signing.positional[1];
    auto key = load_secret_key(key_file);
    if (!key) {
        return fail(key.error().message);
    }
    auto bytes = read_file(bundle, 1024LL * 1024 * 1024);
    if (!bytes) {
        return fail(bytes.error().message);
    }
    auto entries = read_tar(*bytes, bundle);
    if (!entries) {
        return fail(entries.error().message);
    }
    auto signed_files = sign_bundle_files(std::move(entries.value()), *key, signing.terms);
    if (!signed_files) {
        return fail(signed_files.error().message);
    }
    auto archive = write_tar(*signed_files);
    if (!archive) {
        return fail(archive.error().message);
    }
    if (auto written = write_file_atomically(bundle, *archive); !written) {
        return fail(written.error().message);
    }
    std::printf("%s: signed by %s\n", bundle.c_str(), public_key_hex(key->public_key).c_str());
    return 0;
}

int sign_feed_command(const Arguments& arguments) {
    constexpr const char* kUsage =
        "sign-feed: usage: sign-feed DIR --key NAME.key [--site SITE] [--valid-days N]";
    const SigningArguments signing = read_signing_arguments(arguments, 1);
    if (!signing.ok || signing.key_file.empty()) {
        return fail(kUsage, 2);
    }
    const std::string &dir = signing.positional[0], &key_file = signing.key_file;
    SigningTerms terms = signing.terms;
    auto key = load_secret_key(key_file);
    if (!key) {
        return fail(key.error().message);
    }
    auto files = bundle_folder_files(dir);
    if (!files) {
        return fail(files.error().message);
    }
    const std::size_t count = files->size();
    auto signature = feed_signature_file(std::move(files.value()), *key, terms);
    if (!signature) {
        return fail(signature.error().message);
    }
    const std::filesystem::path out = std::filesystem::path(dir) / kFeedSignatureFile;
    if (auto written = write_file_atomically(out, *signature); !written) {
        return fail(written.error().message);
    }
    std::printf("%s: signed by %s (%zu files)\n", out.c_str(),
                public_key_hex(key->public_key).c_str(), count);
    return 0;
}

int verify_command(const Arguments& arguments) {
    std::string bundle, key_file, config_file;
    bool use_config = false;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == "--key" && i + 1 < arguments.size()) {
            key_file = arguments[++i];
        } else if (arguments[i] == "--config" && i + 1 < arguments.size()) {
            config_file = arguments[++i];
            use_config = true;
        } else if (bundle.empty() && !arguments[i].starts_with("--")) {
            bundle = arguments[i];
        } else {
            return fail("verify: usage: verify BUNDLE (--key NAME.pub | --config FILE)", 2);
        }
    }
    if (bundle.empty() || (key_file.empty() && !use_config)) {
        return fail("verify: usage: verify BUNDLE (--key NAME.pub | --config FILE)", 2);
    }
    TrustPolicy policy;
    if (!key_file.empty()) {
        auto text = read_file(key_file, 4096);
        if (!text) {
            return fail(text.error().message);
        }
        auto key = parse_public_key(*text, key_file);
        if (!key) {
            return fail(key.error().message);
        }
        policy.trusted_keys.push_back(*key);
    } else {
        auto config = load_device_config(config_file);
        if (!config) {
            return fail(config.error().message);
        }
        auto from_config = trust_policy(*config);
        if (!from_config) {
            return fail(from_config.error().message);
        }
        policy = *from_config;
    }
    // As a screen reads it: streamed from the file into a folder of its own, the signature,
    // the manifest (MANIFEST first), then everything the player would read, the site included.
    char folder_template[] = "/tmp/placard-verify-XXXXXX";
    const char* folder = ::mkdtemp(folder_template);
    if (folder == nullptr) {
        return fail("verify: cannot make a temporary folder");
    }
    const std::filesystem::path unpacked(folder);
    BundleImportLimits limits;
    limits.max_bundle_bytes = 1024LL * 1024 * 1024;
    auto manifest =
        unpack_signed_bundle(bundle, unpacked, policy, std::time(nullptr), limits, bundle);
    ProblemList problems;
    std::string what = "content";
    if (!manifest) {
        problems.add(manifest.error());
    } else if (*manifest && (*manifest)->kind == SignedKind::Notice) {
        // A notice file: its notice.json read as a screen reads it (the site and replay are the
        // screen's to check, against what it holds).
        what = "notice";
        auto text = read_file(unpacked / kNoticeEntry, 64 * 1024);
        if (!text) {
            problems.add(text.error());
        } else if (auto notice = parse_notice_document(*text, bundle + ": notice.json"); !notice) {
            problems.add(notice.error());
        }
    } else {
        problems =
            validate_staged_folder(unpacked, *manifest, policy, "", check_bundle_images, nullptr);
    }
    std::error_code ignored;
    std::filesystem::remove_all(unpacked, ignored);
    if (!problems.empty()) {
        return fail(problems.front().message);
    }
    std::printf("%s: signature, manifest and %s good (%zu files)\n", bundle.c_str(), what.c_str(),
                *manifest ? (*manifest)->files.size() : std::size_t{0});
    return 0;
}

int import_command(const Arguments& arguments) {
    std::string bundle, config_file;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == "--config" && i + 1 < arguments.size()) {
            config_file = arguments[++i];
        } else if (bundle.empty() && !arguments[i].starts_with("--")) {
            bundle = arguments[i];
        } else {
            return fail("import: usage: import BUNDLE [--config FILE]", 2);
        }
    }
    if (bundle.empty()) {
        return fail("import: usage: import BUNDLE [--config FILE]", 2);
    }
    auto config = load_device_config(config_file);
    if (!config) {
        return fail(config.error().message);
    }
    auto writer = open_content_writer(*config);
    if (!writer) {
        return fail(writer.error().message);
    }
    const UpdateOutcome outcome = import_bundle_file(bundle, writer->store, writer->policy,
                                                     check_bundle_images, writer->bundle_limits);
    if (outcome.kind == UpdateOutcome::Kind::Refused) {
        return fail("bundle refused, the screen keeps the current version: " + outcome.reason());
    }
    log_info("bundle: " + describe_outcome(outcome));
    return 0;
}

int push_command(const Arguments& arguments) {
    std::string url, bundle, token;
    if (const char* from_environment = std::getenv("PLACARD_UPLOAD_TOKEN")) {
        token = from_environment;
    }
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == "--token" && i + 1 < arguments.size()) {
            token = arguments[++i];
        } else if (url.empty() && !arguments[i].starts_with("--")) {
            url = arguments[i];
        } else if (bundle.empty() && !arguments[i].starts_with("--")) {
            bundle = arguments[i];
        } else {
            return fail("push: usage: push URL BUNDLE [--token TOKEN]", 2);
        }
    }
    if (url.empty() || bundle.empty()) {
        return fail("push: usage: push URL BUNDLE [--token TOKEN] (or PLACARD_UPLOAD_TOKEN)", 2);
    }
    auto bytes = read_file(bundle, 1024LL * 1024 * 1024);
    if (!bytes) {
        return fail(bytes.error().message);
    }
    auto response = http_post(url, *bytes, token.empty() ? "" : "Bearer " + token);
    if (!response) {
        return fail(response.error().message);
    }
    std::printf("%s", response->body.c_str());
    if (response->status != 200) {
        return fail(url + ": HTTP status " + std::to_string(response->status));
    }
    return 0;
}

}  // namespace placard::tool
