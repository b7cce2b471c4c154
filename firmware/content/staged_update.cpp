#include "content/staged_update.hpp"

#include "content/bundle_reader.hpp"
#include "content/sha256.hpp"
#include "core/screen_layout.hpp"

namespace placard {

namespace fs = std::filesystem;

namespace {

// Every file the player will read is one the signer listed, with the listed hash; the feed's
// own sha256 fields agree with the files too.
void check_files(const fs::path& dir, const Feed& feed, const std::optional<Manifest>& manifest,
                 std::vector<std::string>& problems) {
    std::vector<std::pair<std::string, std::string>> named;  // Path, the feed's sha256.
    named.emplace_back("feed.json", "");
    if (!feed.site.logo.empty()) {
        named.emplace_back(feed.site.logo, feed.site.logo_sha256);
    }
    for (const Banner& banner : feed.banners) {
        named.emplace_back(banner.image, banner.sha256);
    }
    std::error_code error;
    if (fs::exists(fs::symlink_status(dir / "layout.json", error))) {
        named.emplace_back("layout.json", "");
    }
    for (const auto& [path, feed_hash] : named) {
        const ManifestFile* listed = manifest ? manifest->find(path) : nullptr;
        if (manifest && !listed) {
            problems.push_back(path + ": not in the signed manifest");
            continue;
        }
        if (!listed && feed_hash.empty()) {
            continue;
        }
        auto hash = sha256_of_file(dir / path);
        if (!hash) {
            problems.push_back(hash.error().message);
            continue;
        }
        if (listed && *hash != listed->sha256) {
            problems.push_back(path + ": does not match the signed manifest");
        } else if (!feed_hash.empty() && *hash != feed_hash) {
            problems.push_back(path + ": sha256 is " + *hash + ", feed.json says " + feed_hash);
        }
    }
}

}  // namespace

std::vector<std::string> validate_staged_folder(const fs::path& dir,
                                                const std::optional<Manifest>& manifest,
                                                const TrustPolicy& policy,
                                                std::string_view screen_site,
                                                const BundleInspector& inspect, Feed* feed_out) {
    BundleCheck check = read_bundle(dir);
    std::vector<std::string> problems = check.problems;
    if (!problems.empty()) {
        return problems;
    }
    if (manifest) {
        const std::string_view expected = !policy.site.empty()   ? std::string_view(policy.site)
                                          : !screen_site.empty() ? screen_site
                                                                 : check.feed.site.name;
        if (auto site = check_manifest_site(*manifest, expected, "signature"); !site) {
            return {site.error().message};
        }
    }
    check_files(dir, check.feed, manifest, problems);
    // The layout the player will use, read by the player's own parser.
    std::error_code error;
    if (problems.empty() && fs::exists(fs::symlink_status(dir / "layout.json", error))) {
        auto text = read_file(dir / "layout.json", 64 * 1024);
        if (!text) {
            problems.push_back("layout.json: " + text.error().message);
        } else if (auto layout = parse_screen_layout(*text, "layout.json"); !layout) {
            problems.push_back(layout.error().message);
        }
    }
    if (problems.empty() && inspect) {
        problems = inspect(dir, check.feed);
    }
    if (feed_out != nullptr) {
        *feed_out = std::move(check.feed);
    }
    // Name the files as the bundle does, not by where they were unpacked.
    const std::string unpacked = dir.string() + "/";
    for (std::string& problem : problems) {
        if (problem.starts_with(unpacked)) {
            problem.erase(0, unpacked.size());
        }
    }
    return problems;
}

UpdateOutcome record_refusal(const ContentStore& store, std::string reason, bool transient) {
    (void)store.record([&](UpdateStatus& status) {
        status.last_error = reason;
        status.last_error_at = now_rfc3339();
        status.consecutive_failures += 1;
    });
    return UpdateOutcome{UpdateOutcome::Kind::Refused, -1, std::move(reason), transient};
}

UpdateOutcome finish_staged_update(const ContentStore& store, StagedUpdate update,
                                   const TrustPolicy& policy, const BundleInspector& inspect,
                                   const std::function<void(UpdateStatus&)>& on_taken) {
    Feed feed;
    // A screen stays with its site unless its configuration names one: the site of what it
    // shows is the one new content must be signed for (trust on first use).
    std::string screen_site;
    if (const auto current = store.current(); !current.empty() && policy.site.empty()) {
        screen_site = read_bundle(current).feed.site.name;
    }
    const auto problems = validate_staged_folder(update.staging.dir(), update.manifest, policy,
                                                 screen_site, inspect, &feed);
    if (!problems.empty()) {
        std::string reason = update.origin + ": " + problems.front();
        if (problems.size() > 1) {
            reason += " (and " + std::to_string(problems.size() - 1) + " more)";
        }
        return record_refusal(store, std::move(reason));
    }
    const auto refused = store.commit(update.staging, feed.version, [&](UpdateStatus& status) {
        status.version = feed.version;
        status.source = update.source;
        status.taken_at = now_rfc3339();
        status.last_error.clear();
        status.consecutive_failures = 0;
        if (on_taken) {
            on_taken(status);
        }
    });
    if (refused) {
        return record_refusal(store, update.origin + ": " + refused->reason,
                              refused->why == CommitRefusal::Failed);
    }
    return UpdateOutcome{UpdateOutcome::Kind::Taken, feed.version, {}};
}

}  // namespace placard
