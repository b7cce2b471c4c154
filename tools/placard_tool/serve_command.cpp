// placard-tool serve [--config FILE]: the device's content service, a process of its own beside
// the player (placard-content.service): polls the feed, takes signed bundles from the inbox
// (and so from USB sticks) and from the upload endpoint, all into the store whose current
// version the player shows. It keeps network-facing code out of the process that holds the
// display and input devices. Runs until SIGTERM or SIGINT.
#include <csignal>

#include "app/bundle_images.hpp"
#include "app/bundle_intake.hpp"
#include "app/device_config.hpp"
#include "app/feed_poller.hpp"
#include "app/inbox_watcher.hpp"
#include "app/log.hpp"
#include "app/upload_server.hpp"
#include "commands.hpp"

namespace placard::tool {

int serve_command(const Arguments& arguments) {
    std::string path;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == "--config" && i + 1 < arguments.size()) {
            path = arguments[++i];
        } else {
            log_error("serve: usage: serve [--config FILE]");
            return 2;
        }
    }
    auto config = load_device_config(path);
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

    auto store = ContentStore::for_writing(config->store_dir);
    if (!store) {
        log_error(store.error().message);
        return 1;
    }
    auto policy = trust_policy(*config);
    if (!policy) {
        log_error(policy.error().message);
        return 1;
    }
    // What writers killed mid-update left (their staging locks are free).
    store->remove_abandoned_staging();
    std::optional<FeedPoller> poller;
    if (!config->feed_url.empty()) {
        poller.emplace(FeedUpdater(*store, *config, *policy, check_bundle_images));
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
                                config->max_bundle_bytes, store->root() / "uploads", **intake);
        if (!started) {
            log_error(started.error().message);
            return 1;
        }
        upload = std::move(started.value());
    }
    if (!poller && !inbox && !upload) {
        log_error("serve: the configuration has no feed_url, inbox or upload_token: nothing to do");
        return 1;
    }
    int signal = 0;
    sigwait(&stop, &signal);
    log_info("content service stopping");
    return 0;
}

}  // namespace placard::tool
