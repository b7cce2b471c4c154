#include "content/feed_updater.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>

#include "content/content_store.hpp"
#include "content/http_client.hpp"
#include "content/sha256.hpp"
#include "core/feed_parser.hpp"
#include "core/read_file.hpp"
#include "core/utf8.hpp"

namespace placard {

namespace fs = std::filesystem;

FeedUpdater::FeedUpdater(ContentStore store, PlayerConfig config, TrustPolicy policy,
                         BundleInspector inspect)
    : store_(std::move(store)),
      config_(std::move(config)),
      policy_(std::move(policy)),
      inspect_(std::move(inspect)),
      random_(std::random_device{}()) {}

UpdateOutcome FeedUpdater::refuse(Error reason) {
    ++failures_;
    return record_refusal(store_, std::move(reason), config_.feed_url);
}

double FeedUpdater::next_delay(const UpdateOutcome& outcome) {
    if (outcome.kind != UpdateOutcome::Kind::Refused) {
        failures_ = 0;
        return config_.poll_interval_s;
    }
    const double base =
        std::min(config_.max_backoff_s,
                 config_.poll_interval_s * std::pow(2.0, std::min(failures_ - 1, 20)));
    std::uniform_real_distribution<double> jitter(0.5, 1.5);
    return std::min(config_.max_backoff_s, base * jitter(random_));
}

Status FeedUpdater::fetch_file(const std::string& path, const std::string& sha256,
                               std::uint64_t max_bytes, const fs::path& staging) {
    const fs::path target = staging / path;
    std::error_code error;
    if (fs::exists(target, error)) {
        return Done{};  // Named twice.
    }
    fs::create_directories(target.parent_path(), error);
    // Unchanged media come from the current version, not the network.
    const fs::path current = store_.current();
    if (!sha256.empty() && !current.empty()) {
        const fs::path existing = current / path;
        if (fs::is_regular_file(fs::symlink_status(existing, error))) {
            auto hash = sha256_of_file(existing);
            if (hash && *hash == sha256 && fs::copy_file(existing, target, error)) {
                return Done{};
            }
        }
    }
    HttpRequest request;
    request.url = resolve_url(config_.feed_url, path);
    request.connect_timeout_s = config_.connect_timeout_s;
    request.total_timeout_s = config_.total_timeout_s;
    request.max_bytes = static_cast<std::size_t>(max_bytes);
    auto response = http_get(request);
    if (!response) {
        return with_context(std::move(response).error(), path);
    }
    if (!sha256.empty()) {
        const std::string hash = sha256_hex(response->body);
        if (hash != sha256) {
            return make_error(ErrorKind::Unauthentic, path + ": sha256 is " + hash +
                                                          ", the signed manifest says " + sha256);
        }
    }
    if (auto written = write_file_atomically(target, response->body); !written) {
        return written;
    }
    return Done{};
}

UpdateOutcome FeedUpdater::poll_once() {
    const UpdateStatus status = load_update_status(store_.status_file());
    (void)store_.record([](UpdateStatus& now) { now.last_poll_at = now_rfc3339(); });
    const auto current_version = store_.current_version();
    const std::string& url = config_.feed_url;

    HttpRequest request;
    request.url = url;
    request.connect_timeout_s = config_.connect_timeout_s;
    request.total_timeout_s = config_.total_timeout_s;
    request.max_bytes = config_.max_feed_bytes;
    if (current_version && status.validated_url == url) {
        request.if_none_match = status.etag;
        request.if_modified_since = status.last_modified;
    }
    auto response = http_get(request);
    if (!response) {
        return refuse(std::move(response).error());
    }
    if (response->status == 304) {
        failures_ = 0;
        (void)store_.record([](UpdateStatus& now) { now.clear_error(); });
        return UpdateOutcome{
            UpdateOutcome::Kind::Unchanged, current_version.value_or(-1), std::nullopt, {}};
    }
    // The signature, next to the feed. Fetched every time the feed changed: it is small.
    HttpRequest signature_request = request;
    signature_request.url = url + ".sig";
    signature_request.if_none_match.clear();
    signature_request.if_modified_since.clear();
    signature_request.max_bytes = 1024 * 1024;
    signature_request.not_found_is_an_answer = true;
    auto signature = http_get(signature_request);
    if (!signature) {
        return refuse(std::move(signature).error());
    }
    std::optional<Manifest> manifest;
    if (signature->status == 404) {
        if (!policy_.allow_unsigned) {
            return refuse(make_error(
                ErrorKind::Unauthentic,
                url + ": not signed (no feed.json.sig; unsigned content is not allowed)"));
        }
    } else {
        auto parts = split_feed_signature(signature->body, signature_request.url);
        if (!parts) {
            return refuse(std::move(parts).error());
        }
        auto verified =
            verify_manifest(parts->manifest, parts->signature, policy_, std::time(nullptr),
                            {SignedKind::Feed}, signature_request.url);
        if (!verified) {
            return refuse(std::move(verified).error());
        }
        const ManifestFile* feed_entry = verified->find("feed.json");
        if (feed_entry == nullptr || feed_entry->size != response->body.size() ||
            feed_entry->sha256 != sha256_hex(response->body)) {
            return refuse(make_error(ErrorKind::Unauthentic,
                                     url + ": is not the feed.json its signature names"));
        }
        manifest = std::move(verified.value());
    }
    FeedLimits limits;
    limits.max_feed_bytes = config_.max_feed_bytes;
    FeedParseOutcome parsed = parse_feed(response->body, "feed.json", limits);
    if (!parsed.ok()) {
        return refuse(parsed.problems.summary(url));
    }
    const std::int64_t version = parsed.feed.version;
    const auto remember_validators = [&, etag = response->etag,
                                      modified = response->last_modified](UpdateStatus& now) {
        now.etag = etag;
        now.last_modified = modified;
        now.validated_url = url;
    };
    if (current_version && version == *current_version) {
        failures_ = 0;
        (void)store_.record([&](UpdateStatus& now) {
            remember_validators(now);
            now.clear_error();
        });
        return UpdateOutcome{UpdateOutcome::Kind::Unchanged, version, std::nullopt, {}};
    }
    if (const auto highest = store_.highest_version(); highest && version < *highest) {
        return refuse(
            make_error(ErrorKind::Stale, url + ": version " + std::to_string(version) +
                                             " is older than the highest version taken, " +
                                             std::to_string(*highest)));
    }
    auto staging = store_.begin_staging();
    if (!staging) {
        return refuse(std::move(staging).error());
    }
    const fs::path dir = staging->dir();
    if (auto written = write_file_atomically(dir / "feed.json", response->body); !written) {
        return refuse(std::move(written).error());
    }
    if (manifest) {
        // Exactly the files the signer listed, each checked against its signed hash.
        for (const ManifestFile& file : manifest->files) {
            if (file.path == "feed.json") {
                continue;
            }
            if (auto fetched = fetch_file(file.path, file.sha256, config_.max_media_bytes, dir);
                !fetched) {
                return refuse(with_context(std::move(fetched).error(), url));
            }
        }
    } else {
        std::vector<std::pair<std::string, std::string>> media;
        if (!parsed.feed.site.logo.empty()) {
            media.emplace_back(parsed.feed.site.logo, parsed.feed.site.logo_sha256);
        }
        for (const Banner& banner : parsed.feed.banners) {
            media.emplace_back(banner.image, banner.sha256);
        }
        for (const auto& [path, hash] : media) {
            if (auto fetched = fetch_file(path, hash, config_.max_media_bytes, dir); !fetched) {
                return refuse(with_context(std::move(fetched).error(), url));
            }
        }
    }
    StagedUpdate update{std::move(staging.value()), std::move(manifest), url, url};
    UpdateOutcome outcome =
        finish_staged_update(store_, std::move(update), policy_, inspect_, remember_validators);
    if (outcome.kind == UpdateOutcome::Kind::Refused) {
        ++failures_;
    }
    return outcome;
}

}  // namespace placard
