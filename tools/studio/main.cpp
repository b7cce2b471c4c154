// placard-studio: Placard Studio, the admins' web app (firmware/studio/).
//
//     placard-studio --data DIR [--listen HOST:PORT] [--secure-cookies] [--alert-webhook URL]
//                    [--mqtt-url mqtt://HOST[:PORT]]  serve (127.0.0.1:8080)
//     placard-studio --data DIR add-user NAME --role admin|editor|reviewer  password on stdin
//     placard-studio --data DIR public-key          the key screens trust (their trusted_key)
//     placard-studio --data DIR add-screens FILE    enrol screens by key ("KEY NAME" a line)
#include <signal.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "content/bundle_signature.hpp"
#include "content/signed_manifest.hpp"
#include "importers/plain_text_article.hpp"
#include "runtime/install_paths.hpp"
#include "runtime/log.hpp"
#include "runtime/periodic_thread.hpp"
#include "runtime/systemd_notify.hpp"
#include "studio/audit_log.hpp"
#include "studio/fleet.hpp"
#include "studio/fleet_alerts.hpp"
#include "studio/fleet_broker.hpp"
#include "studio/studio_server.hpp"
#include "studio/users.hpp"

namespace {

using namespace placard;

constexpr const char* kUsage =
    "usage: placard-studio --data DIR [--listen HOST:PORT] [--secure-cookies]"
    " [--alert-webhook URL] [--mqtt-url URL]\n"
    "       placard-studio --data DIR add-user NAME --role admin|editor|reviewer"
    "   (the password on standard input)\n"
    "       placard-studio --data DIR public-key\n"
    "       placard-studio --data DIR add-screens FILE   (one \"KEY NAME\" a line)\n";

int fail(const std::string& message, int status = 1) {
    std::fprintf(stderr, "placard-studio: %s\n", message.c_str());
    return status;
}

std::int64_t now() {
    return static_cast<std::int64_t>(std::time(nullptr));
}

struct Options {
    std::string data, listen = "127.0.0.1:8080", command, alert_webhook, mqtt_url;
    std::vector<std::string> arguments;
    bool secure_cookies = false;
    bool ok = true;
};

Options read_options(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        const bool has_value = i + 1 < argc;
        if (argument == "--data" && has_value) {
            options.data = argv[++i];
        } else if (argument == "--listen" && has_value) {
            options.listen = argv[++i];
        } else if (argument == "--alert-webhook" && has_value) {
            options.alert_webhook = argv[++i];
            options.ok = options.ok && (options.alert_webhook.starts_with("http://") ||
                                        options.alert_webhook.starts_with("https://"));
        } else if (argument == "--mqtt-url" && has_value) {
            options.mqtt_url = argv[++i];
        } else if (argument == "--secure-cookies") {
            options.secure_cookies = true;
        } else if (options.command.empty() && !argument.starts_with("--")) {
            options.command = argument;
        } else if (!options.command.empty()) {
            options.arguments.push_back(argument);
        } else {
            options.ok = false;
        }
    }
    options.ok = options.ok && !options.data.empty();
    return options;
}

// The images of the version shown, into an empty media library (a new data folder's demo
// images), each under its own name.
Status adopt_published_media(StudioContext& studio) {
    const auto version = studio.publisher.current_version();
    if (!version || !studio.media.list().empty()) {
        return Done{};
    }
    namespace fs = std::filesystem;
    std::error_code error;
    fs::create_directories(studio.media.spool(), error);
    for (const auto& entry :
         fs::directory_iterator(studio.publisher.version_folder(*version) / "media", error)) {
        const fs::path copy = studio.media.spool() / ("adopt-" + entry.path().filename().string());
        fs::copy_file(entry.path(), copy, fs::copy_options::overwrite_existing, error);
        auto added =
            studio.media.add_named(copy, entry.path().filename().string(), "placard-studio", now());
        if (!added) {
            return make_error(entry.path().string() + ": " + added.error().message);
        }
    }
    return Done{};
}

// A fresh studio publishes the demo content (the seed page) as version 1.
Status publish_demo_if_new(StudioContext& studio) {
    if (studio.publisher.current_version()) {
        return Done{};
    }
    const std::string demo = default_content_dir();
    if (demo.empty()) {
        return make_error("no demo content to start with (assets/demo)");
    }
    auto files = bundle_folder_files(demo);
    if (!files) {
        return files.error();
    }
    auto version = studio.publisher.publish(std::move(*files), "placard-studio",
                                            "the demo content (the seed page)", now());
    if (!version) {
        return version.error();
    }
    record_audit(studio.db(), {now(), "placard-studio", "published",
                               "version " + std::to_string(*version) + ": the demo content"});
    return Done{};
}

int add_user_command(StudioFolder& folder, const std::vector<std::string>& arguments) {
    if (arguments.size() != 3 || arguments[1] != "--role") {
        return fail("add-user: usage: add-user NAME --role admin|editor|reviewer", 2);
    }
    const auto role = parse_role(arguments[2]);
    if (!role) {
        return fail("add-user: the role is admin, editor or reviewer, not \"" + arguments[2] + "\"",
                    2);
    }
    std::string password;
    if (!std::getline(std::cin, password)) {
        return fail("add-user: no password on standard input");
    }
    if (!password.empty() && password.back() == '\r') {
        password.pop_back();
    }
    const std::string& name = arguments[0];
    if (auto added = add_user(*folder.db, name, *role, password, now()); !added) {
        return fail("add-user: " + added.error().message);
    }
    record_audit(*folder.db, {now(), "placard-studio", "user set",
                              name + " (" + std::string(role_name(*role)) + ")"});
    std::printf("%s: %s\n", name.c_str(), std::string(role_name(*role)).c_str());
    return 0;
}

// Enrols a fleet from a list ("KEY NAME" a line, the key as a screen's report names it; '#'
// comments), for an admin setting up many screens at once. Every line is checked before any is
// taken; a screen already there is left as it is.
int add_screens_command(StudioFolder& folder, const std::vector<std::string>& arguments) {
    if (arguments.size() != 1) {
        return fail("add-screens: usage: add-screens FILE   (one \"KEY NAME\" a line)", 2);
    }
    std::ifstream list(arguments[0]);
    if (!list) {
        return fail("add-screens: " + arguments[0] + ": cannot be read");
    }
    std::vector<std::pair<std::string, std::string>> screens;
    std::string line;
    for (int number = 1; std::getline(list, line); ++number) {
        if (line.empty() || line[0] == '#') {
            continue;
        }
        const std::size_t space = line.find(' ');
        const std::string key = line.substr(0, space);
        if (!parse_public_key(key, "") || space == std::string::npos) {
            return fail("add-screens: " + arguments[0] + ":" + std::to_string(number) +
                        ": expected \"KEY NAME\" (KEY: 64 hex digits)");
        }
        screens.emplace_back(key, line.substr(space + 1));
    }
    auto fleet = Fleet::open(folder.data / "fleet.db", folder.key);
    if (!fleet) {
        return fail(fleet.error().message);
    }
    int added = 0;
    for (const auto& [key, name] : screens) {
        auto id = (*fleet)->add(key, name, "placard-studio", now());
        if (!id && id.error().kind != ErrorKind::Stale) {
            return fail("add-screens: " + id.error().message);
        }
        added += id ? 1 : 0;
    }
    record_audit(*folder.db, {now(), "placard-studio", "screens added",
                              std::to_string(added) + " from " + arguments[0]});
    std::printf("%d screens added, %zu already there\n", added, screens.size() - added);
    return 0;
}

int serve(StudioFolder folder, const Options& options) {
    StudioOptions studio_options;
    studio_options.pages = default_studio_pages_dir();
    studio_options.secure_cookies = options.secure_cookies;
    if (studio_options.pages.empty()) {
        return fail("the studio's pages are missing (assets/studio)");
    }
    StudioContext studio(std::move(folder), studio_options);
    studio.now = now;
    if (auto seeded = publish_demo_if_new(studio); !seeded) {
        return fail(seeded.error().message);
    }
    if (auto adopted = adopt_published_media(studio); !adopted) {
        return fail(adopted.error().message);
    }
    auto fleet = Fleet::open(studio.folder.data / "fleet.db", studio.folder.key, now());
    if (!fleet) {
        return fail(fleet.error().message);
    }
    studio.fleet = std::move(*fleet);
    if (auto preview = PreviewRenderer::open()) {
        studio.preview = std::move(*preview);
    } else {
        log_warning("studio: no previews: " + preview.error().message);
    }
    studio.import_article = [](std::string_view text,
                               const std::string& id) -> Result<std::string> {
        ImportOptions import_options;
        import_options.article_id = id;
        auto article = import_plain_text_article(text, "pasted text", import_options);
        if (!article) {
            return article.error();
        }
        return article_to_json(*article);
    };
    // Signals are taken by sigwait below, not by a handler: blocked before any thread starts.
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, nullptr);
    auto server = start_studio_server(options.listen, studio);
    if (!server) {
        return fail(server.error().message);
    }
    log_info("studio: serving " + studio.folder.data.string() + " on " + options.listen +
             " (port " + std::to_string((*server)->port()) + "); the feed is /feed/feed.json");
    // The site's broker, when there is one: reports, online flags, commands in a second.
    std::unique_ptr<FleetBroker> broker;
    if (!options.mqtt_url.empty()) {
        auto linked = FleetBroker::start(options.mqtt_url, *studio.fleet, studio.folder.key, now);
        if (!linked) {
            return fail(linked.error().message);
        }
        broker = std::move(*linked);
    }
    // Screens that fail (or come back) are announced within kAlertCheckSeconds.
    FleetAlerts alerts(*studio.fleet, studio.db(), options.alert_webhook);
    PeriodicThread alert_thread;
    alert_thread.start(std::chrono::seconds(kAlertCheckSeconds), [&] {
        alerts.check(now(), studio.publisher.current_version().value_or(-1));
        return std::chrono::seconds(kAlertCheckSeconds);
    });
    notify_systemd("READY=1");
    // Until a signal: the current version's signature renewed when it nears its end, looked at
    // now (a studio started after months off) and every hour.
    for (;;) {
        studio.fleet->prune(now());
        if (auto renewed = studio.publisher.renew_signature(now()); !renewed) {
            log_warning("studio: the signature cannot be renewed: " + renewed.error().message);
        } else if (*renewed) {
            log_info("studio: the current version's signature renewed, good until " +
                     format_utc_time(**renewed));
        }
        const timespec hour{3600, 0};
        if (sigtimedwait(&stop, nullptr, &hour) > 0) {
            break;
        }
    }
    log_info("studio: stopping");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const Options options = read_options(argc, argv);
    if (!options.ok) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    auto folder = open_studio_folder(options.data);
    if (!folder) {
        return fail(folder.error().message);
    }
    if (options.command == "add-user") {
        return add_user_command(*folder, options.arguments);
    }
    if (options.command == "add-screens") {
        return add_screens_command(*folder, options.arguments);
    }
    if (options.command == "public-key") {
        std::printf("%s\n", public_key_hex(folder->key.public_key).c_str());
        return 0;
    }
    if (!options.command.empty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    return serve(std::move(*folder), options);
}
