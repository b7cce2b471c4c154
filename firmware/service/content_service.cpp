#include "service/content_service.hpp"

#include <csignal>
#include <memory>
#include <optional>

#include "runtime/device_config.hpp"
#include "runtime/log.hpp"
#include "service/bundle_images.hpp"
#include "service/bundle_intake.hpp"
#include "service/content_writer.hpp"
#include "service/feed_poller.hpp"
#include "service/inbox_watcher.hpp"
#include "service/studio_reporter.hpp"
#include "service/upload_server.hpp"

namespace placard {

int run_content_service(const std::string& config_path) {
    auto config = load_device_config(config_path);
    if (!config) {
        log_error(config.error().message);
        return 1;
    }
    // Block the stop signals before any thread starts, so that only sigwait below sees them.
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, nullptr);

    auto writer = open_content_writer(*config);
    if (!writer) {
        log_error(writer.error().message);
        return 1;
    }
    const ContentStore& store = writer->store;
    // What writers killed mid-update left (their staging locks are free).
    store.remove_abandoned_staging();
    std::optional<FeedPoller> poller;
    if (!config->feed_url.empty()) {
        poller.emplace(FeedUpdater(store, *config, writer->policy, check_bundle_images));
        log_info("polling " + config->feed_url);
    }
    auto intake = BundleIntake::create(*config);
    if (!intake) {
        log_error(intake.error().message);
        return 1;
    }
    std::unique_ptr<InboxWatcher> inbox;
    if (!config->inbox_dir.empty()) {
        auto started = InboxWatcher::start(config->inbox_dir, **intake);
        if (!started) {
            log_error(started.error().message);
            return 1;
        }
        inbox = std::move(started.value());
        log_info("watching the inbox " + config->inbox_dir);
    }
    std::unique_ptr<UploadServer> upload;
    if (!config->upload_token.empty()) {
        auto started =
            UploadServer::start(config->upload_listen, config->upload_token,
                                config->max_bundle_bytes, store.root() / "uploads", **intake);
        if (!started) {
            log_error(started.error().message);
            return 1;
        }
        upload = std::move(started.value());
    }
    std::unique_ptr<StudioReporter> reporter;
    if (!config->mqtt_url.empty() && config->studio_url.empty()) {
        // The studio's address still takes screenshots, and the reports when the broker is down.
        log_error("serve: mqtt_url is set but studio_url is not: set both");
        return 1;
    }
    if (!config->studio_url.empty()) {
        CommandHandlers handlers;
        if (poller) {
            handlers.refresh = [&poller]() -> Status {
                poller->poll_now();
                return Done{};
            };
        }
        auto started =
            StudioReporter::start(*config, store, writer->policy.trusted_keys, std::move(handlers));
        if (!started) {
            log_error(started.error().message);
            return 1;
        }
        reporter = std::move(started.value());
    }
    if (!poller && !inbox && !upload && !reporter) {
        log_error(
            "serve: the configuration has no feed_url, inbox, upload_token or studio_url: "
            "nothing to do");
        return 1;
    }
    int signal = 0;
    sigwait(&stop, &signal);
    log_info("content service stopping");
    return 0;
}

}  // namespace placard
