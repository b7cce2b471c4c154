#include "content/bundle_signature.hpp"

#include <algorithm>
#include <map>

#include "content/bundle_reader.hpp"
#include "content/sha256.hpp"
#include "core/feed_parser.hpp"

namespace placard {

Result<std::vector<TarEntry>> bundle_folder_files(const std::filesystem::path& dir) {
    BundleCheck check = read_bundle(dir);
    if (!check.ok()) {
        return check.problems.front();
    }
    std::vector<std::string> paths = {"feed.json"};
    for (const std::string& media : media_paths(check.feed)) {
        paths.push_back(media);
    }
    std::error_code error;
    if (std::filesystem::exists(std::filesystem::symlink_status(dir / "layout.json", error))) {
        paths.push_back("layout.json");
    }
    std::sort(paths.begin(), paths.end());
    std::vector<TarEntry> files;
    for (const std::string& path : paths) {
        // Only what is in the folder: a link could put any file of the signer's (a secret
        // key) into a signed bundle.
        if (std::filesystem::is_symlink(std::filesystem::symlink_status(dir / path, error))) {
            return make_error(path + ": is a symbolic link (not allowed in a bundle)");
        }
        std::string data = PLACARD_TRY(read_file(dir / path, 64 * 1024 * 1024));
        files.push_back(TarEntry{path, std::move(data)});
    }
    return files;
}

Result<std::vector<TarEntry>> sign_bundle_files(std::vector<TarEntry> files, const SigningKey& key,
                                                const SigningTerms& terms) {
    files.erase(std::remove_if(files.begin(), files.end(),
                               [](const TarEntry& entry) {
                                   return entry.path == kManifestEntry ||
                                          entry.path == kSignatureEntry;
                               }),
                files.end());
    Manifest manifest;
    manifest.kind = terms.kind;
    manifest.site = terms.site;
    manifest.expires = terms.expires;
    for (const TarEntry& file : files) {
        manifest.files.push_back(ManifestFile{file.path, sha256_hex(file.data), file.data.size()});
        if (file.path == "feed.json" && manifest.site.empty()) {
            const FeedParseOutcome parsed = parse_feed(file.data, "feed.json");
            if (!parsed.ok()) {
                return parsed.problems.front();
            }
            manifest.site = parsed.feed.site.name;
        }
    }
    if (manifest.site.empty()) {
        return make_error("no site to sign for: give --site, or a feed.json with site.name");
    }
    const std::string text = manifest_text(std::move(manifest));
    std::sort(files.begin(), files.end(),
              [](const TarEntry& a, const TarEntry& b) { return a.path < b.path; });
    files.insert(files.begin(), TarEntry{std::string(kSignatureEntry), signature_line(text, key)});
    files.insert(files.begin(), TarEntry{std::string(kManifestEntry), text});
    return files;
}

Result<std::vector<TarEntry>> verify_bundle(std::vector<TarEntry> entries,
                                            const TrustPolicy& policy, std::time_t now,
                                            std::string_view origin) {
    const std::string where(origin);
    const auto find = [&](std::string_view name) {
        return std::find_if(entries.begin(), entries.end(),
                            [&](const TarEntry& e) { return e.path == name; });
    };
    const auto manifest_entry = find(kManifestEntry);
    if (manifest_entry == entries.end()) {
        return make_error(where + ": no MANIFEST (not a Placard bundle)");
    }
    const auto signature_entry = find(kSignatureEntry);
    std::optional<std::string_view> signature;
    if (signature_entry != entries.end()) {
        signature = signature_entry->data;
    }
    const Manifest manifest =
        PLACARD_TRY(verify_manifest(manifest_entry->data, signature, policy, now,
                                    {SignedKind::Bundle, SignedKind::Notice}, where));
    std::map<std::string, const ManifestFile*> listed;
    for (const ManifestFile& file : manifest.files) {
        listed.emplace(file.path, &file);
    }
    std::vector<TarEntry> files;
    for (TarEntry& entry : entries) {
        if (entry.path == kManifestEntry || entry.path == kSignatureEntry) {
            continue;
        }
        const auto found = listed.find(entry.path);
        if (found == listed.end()) {
            return make_error(ErrorKind::Unauthentic,
                              where + ": " + entry.path + ": not in the manifest");
        }
        if (found->second->size != entry.data.size() ||
            found->second->sha256 != sha256_hex(entry.data)) {
            return make_error(ErrorKind::Unauthentic,
                              where + ": " + entry.path + ": does not match the manifest");
        }
        listed.erase(found);
        files.push_back(std::move(entry));
    }
    if (!listed.empty()) {
        return make_error(ErrorKind::Unauthentic,
                          where + ": " + listed.begin()->first + ": in the manifest but missing");
    }
    return files;
}

}  // namespace placard
