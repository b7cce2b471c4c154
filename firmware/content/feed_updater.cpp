#include "content/feed_updater.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>

#include "content/bundle_reader.hpp"
#include "content/http_client.hpp"
#include "content/sha256.hpp"
#include "core/feed_parser.hpp"

namespace placard {

namespace fs = std::filesystem;

FeedUpdater::FeedUpdater(ContentStore store, PlayerConfig config, BundleInspector inspect)
    : store_(std::move(store)),
      config_(std::move(config)),
      inspect_(std::move(inspect)),
      random_(std::random_device{}()) {}

UpdateOutcome FeedUpdater::refuse(UpdateStatus& status, std::string reason) {
    status.last_error = reason;
    status.last_error_at = now_rfc3339();
    status.consecutive_failures += 1;
    (void)save_update_status(store_.status_file(), status);
    ++failures_;
    return UpdateOutcome{UpdateOutcome::Kind::Refused, -1, std::move(reason)};
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

Status FeedUpdater::fetch_media(const std::string& path, const std::string& sha256,
                                const fs::path& staging) {
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
        if (fs::is_regular_file(existing, error) && !fs::is_symlink(existing, error)) {
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
    request.max_bytes = config_.max_media_bytes;
    auto response = http_get(request);
    if (!response) {
        return make_error(path + ": " + response.error().message);
    }
    if (!sha256.empty()) {
        const std::string hash = sha256_hex(response->body);
        if (hash != sha256) {
            return make_error(path + ": sha256 is " + hash + ", the feed says " + sha256);
        }
    }
    std::ofstream out(target, std::ios::binary);
    out.write(response->body.data(), static_cast<std::streamsize>(response->body.size()));
    if (!out) {
        return make_error(target.string() + ": cannot write (disk full?)");
    }
    return Done{};
}

Status FeedUpdater::assemble(const std::string& feed_text, const Feed& feed,
                             const fs::path& staging) {
    for (const Banner& banner : feed.banners) {
        if (auto fetched = fetch_media(banner.image, banner.sha256, staging); !fetched) {
            return fetched;
        }
    }
    if (!feed.site.logo.empty()) {
        if (auto fetched = fetch_media(feed.site.logo, feed.site.logo_sha256, staging); !fetched) {
            return fetched;
        }
    }
    std::ofstream out(staging / "feed.json", std::ios::binary);
    out << feed_text;
    if (!out) {
        return make_error((staging / "feed.json").string() + ": cannot write (disk full?)");
    }
    return Done{};
}

UpdateOutcome FeedUpdater::poll_once() {
    UpdateStatus status = load_update_status(store_.status_file());
    status.last_poll_at = now_rfc3339();
    const auto current_version = store_.current_version();

    HttpRequest request;
    request.url = config_.feed_url;
    request.connect_timeout_s = config_.connect_timeout_s;
    request.total_timeout_s = config_.total_timeout_s;
    request.max_bytes = config_.max_feed_bytes;
    if (current_version && status.validated_url == config_.feed_url) {
        request.if_none_match = status.etag;
        request.if_modified_since = status.last_modified;
    }
    auto response = http_get(request);
    if (!response) {
        return refuse(status, response.error().message);
    }
    if (response->status == 304) {
        status.last_error.clear();
        status.consecutive_failures = 0;
        (void)save_update_status(store_.status_file(), status);
        return UpdateOutcome{UpdateOutcome::Kind::Unchanged, current_version.value_or(-1), {}};
    }
    FeedLimits limits;
    limits.max_feed_bytes = config_.max_feed_bytes;
    FeedParseOutcome parsed = parse_feed(response->body, "feed.json", limits);
    if (!parsed.ok()) {
        std::string reason = config_.feed_url + ": " + parsed.problems.front();
        if (parsed.problems.size() > 1) {
            reason += " (and " + std::to_string(parsed.problems.size() - 1) + " more)";
        }
        return refuse(status, reason);
    }
    const std::int64_t version = parsed.feed.version;
    if (current_version && version < *current_version) {
        return refuse(status, config_.feed_url + ": version " + std::to_string(version) +
                                  " is older than the current version " +
                                  std::to_string(*current_version));
    }
    if (current_version && version == *current_version) {
        status.etag = response->etag;
        status.last_modified = response->last_modified;
        status.validated_url = config_.feed_url;
        status.last_error.clear();
        status.consecutive_failures = 0;
        (void)save_update_status(store_.status_file(), status);
        return UpdateOutcome{UpdateOutcome::Kind::Unchanged, version, {}};
    }
    auto staging = store_.begin_staging();
    if (!staging) {
        return refuse(status, staging.error().message);
    }
    const auto discard = [&] {
        std::error_code error;
        fs::remove_all(*staging, error);
    };
    if (auto assembled = assemble(response->body, parsed.feed, *staging); !assembled) {
        discard();
        return refuse(status, assembled.error().message);
    }
    BundleCheck check = read_bundle(*staging);
    std::vector<std::string> problems = check.problems;
    if (problems.empty() && inspect_) {
        problems = inspect_(*staging, check.feed);
    }
    if (!problems.empty()) {
        discard();
        return refuse(status, problems.front());
    }
    if (auto committed = store_.commit(*staging, version); !committed) {
        discard();
        return refuse(status, committed.error().message);
    }
    status.version = version;
    status.source = config_.feed_url;
    status.taken_at = now_rfc3339();
    status.last_error.clear();
    status.consecutive_failures = 0;
    status.etag = response->etag;
    status.last_modified = response->last_modified;
    status.validated_url = config_.feed_url;
    (void)save_update_status(store_.status_file(), status);
    return UpdateOutcome{UpdateOutcome::Kind::Taken, version, {}};
}

}  // namespace placard
