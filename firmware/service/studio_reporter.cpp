#include "service/studio_reporter.hpp"

#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <nlohmann/json.hpp>
#include <random>

#include "content/fleet_messages.hpp"
#include "content/http_client.hpp"
#include "content/key_file.hpp"
#include "content/screen_requests.hpp"
#include "core/json_fields.hpp"
#include "core/read_file.hpp"
#include "mqtt/mqtt_url.hpp"
#include "runtime/log.hpp"
#include "service/screen_report.hpp"

namespace placard {

namespace {

std::string host_name() {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') {
        return "placard";
    }
    return name;
}

std::string studio_url(const std::string& studio) {
    std::string url = studio;
    while (!url.empty() && url.back() == '/') {
        url.pop_back();
    }
    return url;
}

}  // namespace

Result<std::unique_ptr<StudioReporter>> StudioReporter::start(
    const PlayerConfig& config, const ContentStore& store,
    std::vector<std::array<unsigned char, 32>> trusted, CommandHandlers handlers) {
    auto key = load_or_make_key_file(config.screen_key);
    if (!key) {
        return key.error();
    }
    std::unique_ptr<StudioReporter> reporter(
        new StudioReporter(config, store, *key, std::move(trusted), std::move(handlers)));
    // The broker link first: the threads below use it (null without mqtt_url).
    if (!config.mqtt_url.empty()) {
        if (auto linked = reporter->start_broker_link(); !linked) {
            return linked.error();
        }
        reporter->commands_thread_.start(
            std::chrono::hours(1), [raw = reporter.get()] { return raw->carry_out_arrived(); });
    }
    reporter->thread_.start(std::chrono::seconds(0), [raw = reporter.get()] {
        // Whatever a studio (or whoever answers in its place) sends must not end the service.
        try {
            return raw->report_once();
        } catch (const std::exception& error) {
            raw->say(std::string("a report failed: ") + error.what(), true);
            return std::chrono::duration<double>(raw->config_.report_interval_s);
        }
    });
    return reporter;
}

Status StudioReporter::start_broker_link() {
    ScreenBrokerLink::Handlers handlers;
    handlers.command = [this](std::string envelope) {
        {
            std::lock_guard lock(commands_mutex_);
            // Full: this one waits for the next report's answer (the studio gives it again).
            if (arrived_.size() == kMostArrived) {
                return;
            }
            arrived_.push_back(std::move(envelope));
        }
        commands_thread_.step_now();
    };
    handlers.refused = [this](const std::string& reason) {
        std::lock_guard lock(commands_mutex_);
        strangers_.warn(reason);
    };
    // Reported at once: the studio sees the screen back and gives it what waited.
    handlers.connected = [this] { thread_.step_now(); };
    auto link = ScreenBrokerLink::start(config_.mqtt_url, key_, trusted_, std::move(handlers));
    if (!link) {
        return link.error();
    }
    broker_ = std::move(*link);
    return Done{};
}

std::chrono::duration<double> StudioReporter::carry_out_arrived() {
    for (;;) {
        std::string envelope;
        {
            std::lock_guard lock(commands_mutex_);
            if (arrived_.empty()) {
                break;
            }
            envelope = std::move(arrived_.front());
            arrived_.pop_front();
        }
        try {
            carry_out(envelope, static_cast<std::time_t>(std::time(nullptr)), "through the broker");
        } catch (const std::exception& error) {
            log_warning(std::string("a command from the broker failed: ") + error.what());
        }
    }
    bool screenshot = false;
    {
        std::lock_guard lock(commands_mutex_);
        screenshot = !screenshot_wanted_.empty();
    }
    if (screenshot) {
        thread_.step_now();  // The reporting thread looks for it every second.
    }
    return std::chrono::hours(1);
}

StudioReporter::StudioReporter(const PlayerConfig& config, const ContentStore& store,
                               SigningKey key, std::vector<std::array<unsigned char, 32>> trusted,
                               CommandHandlers handlers)
    : config_(config),
      store_(store),
      key_(key),
      key_hex_(public_key_hex(key.public_key)),
      name_(config.screen_name.empty() ? host_name() : config.screen_name),
      trusted_(std::move(trusted)),
      handlers_(std::move(handlers)),
      nonces_(store.root() / "command-nonces.json") {
    log_info("reporting to " + config_.studio_url + " as \"" + name_ + "\" (screen key " +
             key_hex_ + ")");
}

StudioReporter::~StudioReporter() {
    // The threads first (they use the link), then the link, which says offline as it goes.
    commands_thread_.stop();
    thread_.stop();
    broker_.reset();
}

void StudioReporter::say(const std::string& state, bool problem) {
    if (state == last_said_) {
        return;
    }
    last_said_ = state;
    if (problem) {
        log_warning("studio: " + state);
    } else {
        log_info("studio: " + state);
    }
}

Status StudioReporter::ask_player(const ScreenCommand& command) {
    const auto file = screen_requests_file(store_);
    ScreenRequests requests = load_screen_requests(file);
    // A state (开屏/关屏, the group) is judged by when the studio signed it: one that arrives
    // late (given again after a lost answer) does not undo a later one. One signed more than
    // five minutes in this screen's future (a studio whose clock ran ahead) orders nothing:
    // else every command after it would be refused until the clock caught up.
    const std::int64_t now = std::time(nullptr);
    const auto later_in_force = [&](std::int64_t in_force_since) {
        return static_cast<std::int64_t>(command.issued) < in_force_since &&
               in_force_since <= now + 300;
    };
    if (command.action == CommandAction::Screenshot) {
        requests.screenshot = command.nonce;
        screenshot_wanted_ = command.nonce;
        screenshot_looks_ = 0;
    } else if (command.action == CommandAction::Restart) {
        requests.restart = command.nonce;
    } else if (command.action == CommandAction::Group) {
        if (later_in_force(requests.group_at)) {
            return make_error("a later group is in force");
        }
        requests.group = command.group;
        requests.group_at = static_cast<std::int64_t>(command.issued);
        log_info("studio: this screen is now in group \"" + command.group + "\"");
    } else {
        if (!requests.display.empty() && later_in_force(requests.display_at)) {
            return make_error("a later 开屏/关屏 is in force");
        }
        requests.display = command.action == CommandAction::DisplayOn ? "on" : "off";
        requests.display_nonce = command.nonce;
        requests.display_at = static_cast<std::int64_t>(command.issued);
    }
    return save_screen_requests(file, requests);
}

// The screenshot the player took for the latest request, once it is there.
void StudioReporter::send_screenshot() {
    std::string wanted;
    {
        std::lock_guard lock(commands_mutex_);
        wanted = screenshot_wanted_;
    }
    if (wanted.empty()) {
        return;
    }
    const auto forget = [&] {
        std::lock_guard lock(commands_mutex_);
        if (screenshot_wanted_ == wanted) {
            screenshot_wanted_.clear();
        }
    };
    auto status_text = read_file(config_.player_status, 64 * 1024);
    const auto status =
        status_text ? nlohmann::json::parse(*status_text, nullptr, false) : nlohmann::json();
    if (!status.is_object() || json_text(status, "screenshot") != wanted) {
        bool gave_up = false;
        {
            std::lock_guard lock(commands_mutex_);
            gave_up = ++screenshot_looks_ > kMostScreenshotLooks;
        }
        if (gave_up) {
            say("the player took no screenshot (is it running?)", true);
            forget();
        }
        return;
    }
    auto png =
        read_file(std::filesystem::path(config_.player_status).parent_path() / "screenshot.png",
                  kMostScreenshotBytes);
    if (!png) {
        say("screenshot: " + png.error().message, true);
        forget();
        return;
    }
    // Signed with the nonce of the command that asked for it: the studio takes it once, for that
    // command only, so a copy caught on the way cannot be sent again as a fresh screenshot.
    std::string signature = signature_line(screenshot_signed_text(wanted, *png), key_);
    while (!signature.empty() && signature.back() == '\n') {
        signature.pop_back();
    }
    auto answer = http_post(studio_url(config_.studio_url) + "/api/screens/screenshot/" + wanted,
                            *png, "Placard-Screen " + signature,
                            std::min(config_.connect_timeout_s + 10, config_.report_interval_s));
    if (answer && answer->status == 200) {
        log_info("screenshot sent to the studio");
        forget();
    } else {
        say("cannot send the screenshot: " +
                (answer ? "HTTP " + std::to_string(answer->status) : answer.error().message),
            true);
    }
}

std::chrono::duration<double> StudioReporter::report_once() {
    const std::chrono::duration<double> interval(config_.report_interval_s);
    send_screenshot();
    const auto now = static_cast<std::time_t>(std::time(nullptr));
    std::string body = screen_report_json(config_, store_, name_, key_hex_, now);
    std::size_t results = 0;
    bool screenshot = false;
    {
        std::lock_guard lock(commands_mutex_);
        results = results_.size();
        screenshot = !screenshot_wanted_.empty();
        if (!results_.empty()) {
            // Spliced in as raw JSON objects: they were made by carry_out.
            body.pop_back();
            body += ",\"command_results\":[";
            for (std::size_t i = 0; i < results_.size(); ++i) {
                body += (i > 0 ? "," : "") + results_[i];
            }
            body += "]}";
        }
    }
    // A screenshot is looked for every second until the player has taken it, not at the next
    // report: an admin is waiting for it.
    const auto next = screenshot ? std::min(interval, std::chrono::duration<double>(1)) : interval;
    if (report_to_broker(body, results)) {
        return next;
    }
    std::string signature = signature_line(body, key_);
    while (!signature.empty() && signature.back() == '\n') {
        signature.pop_back();
    }
    auto answer = http_post(studio_url(config_.studio_url) + "/api/screens/report", body,
                            "Placard-Screen " + signature,
                            std::min(config_.connect_timeout_s + 10, config_.report_interval_s));
    // A studio that is down or busy (503: its connection bound) is tried again after a random
    // share of the interval, half to one and a half: screens that all came back together after
    // a power cut do not all come back to the studio together again.
    std::uniform_real_distribution<double> spread(0.5, 1.5);
    if (!answer || answer->status == 503) {
        say("cannot report: " +
                (answer ? std::string("the studio is busy (HTTP 503)") : answer.error().message),
            true);
        return interval * spread(random_);
    }
    const auto json = nlohmann::json::parse(answer->body, nullptr, false);
    const std::string state = json_text(json, "state");
    if (answer->status == 202 || state == "pending") {
        say("waiting for an admin to accept this screen (\"" + name_ + "\", key " +
                key_hex_.substr(0, 16) + "…)",
            false);
        return interval;
    }
    if (answer->status != 200 || state != "accepted") {
        say("the report was refused (HTTP " + std::to_string(answer->status) +
                "): " + json_text(json, "error"),
            true);
        return interval;
    }
    say("reporting, accepted as \"" + json_text(json, "name", name_) + "\"", false);
    forget_results(results);
    if (const auto commands = json.find("commands");
        commands != json.end() && commands->is_array()) {
        for (const auto& envelope : *commands) {
            if (envelope.is_string()) {
                carry_out(envelope.get<std::string>(), now, "with a report's answer");
            }
        }
    }
    std::lock_guard lock(commands_mutex_);
    return screenshot_wanted_.empty() ? interval
                                      : std::min(interval, std::chrono::duration<double>(1));
}

bool StudioReporter::report_to_broker(const std::string& body, std::size_t results) {
    if (!broker_ || !broker_->report(body)) {
        return false;
    }
    say("reporting through the broker", false);
    forget_results(results);
    return true;
}

void StudioReporter::forget_results(std::size_t sent) {
    // Only those the report carried: a command from the broker may have added one since.
    std::lock_guard lock(commands_mutex_);
    results_.erase(results_.begin(),
                   results_.begin() + static_cast<std::ptrdiff_t>(std::min(sent, results_.size())));
}

void StudioReporter::carry_out(const std::string& envelope, std::time_t now, const char* route) {
    // The reporting thread (commands in a report's answer) and the broker's commands thread.
    std::lock_guard lock(commands_mutex_);
    ScreenCommand authentic;
    auto command = verify_screen_command(envelope, trusted_, key_hex_, now, nonces_,
                                         "command from the studio", &authentic);
    nlohmann::ordered_json result;
    if (!command && authentic.nonce.empty()) {
        // Not the studio's, or not for this screen: nothing to tell the studio, and nothing
        // kept, so a stranger cannot push the real results out.
        strangers_.warn(command.error().message);
        return;
    }
    if (!command) {
        const std::string what = "command " + std::string(command_action_name(authentic.action)) +
                                 " (" + authentic.nonce.substr(0, 8) + "…, " + route + ")";
        // Given again: the studio gives a command until a report says what became of it, and
        // the last one saying so may have been lost. Said again (what became of it, looked up
        // first: it may have expired since), not done again. Copies replayed by someone else
        // cost a few lines a minute and at most one place among the results.
        const auto earlier =
            std::find_if(outcomes_.begin(), outcomes_.end(),
                         [&](const auto& outcome) { return outcome.first == authentic.nonce; });
        if (earlier != outcomes_.end() || nonces_.taken(authentic.nonce)) {
            replays_.say(what + ": carried out before");
            result["done"] = true;
            result["message"] = "carried out before (what became of it was not kept)";
            const std::string text =
                earlier != outcomes_.end()
                    ? earlier->second
                    : result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            if (std::find(results_.begin(), results_.end(), text) == results_.end()) {
                push_result(text);
            }
            return;
        }
        strangers_.warn(what + ": " + command.error().message);
        result["done"] = false;
        result["message"] = command.error().message;
    } else {
        Status done = make_error("this screen does not carry out \"" +
                                 std::string(command_action_name(command->action)) + "\" commands");
        if (command->action == CommandAction::Refresh && handlers_.refresh) {
            done = handlers_.refresh();
        } else if (command->action != CommandAction::Refresh) {
            done = ask_player(*command);
        }
        const std::string what = "command " + std::string(command_action_name(command->action)) +
                                 " (" + command->nonce.substr(0, 8) + "…, " + route + ")";
        if (done) {
            log_info(what + ": done");
        } else {
            log_warning(what + ": " + done.error().message);
        }
        result["nonce"] = command->nonce;
        result["done"] = static_cast<bool>(done);
        result["message"] = done ? std::string() : done.error().message;
    }
    const std::string text = result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (command) {
        if (outcomes_.size() == kKeptOutcomes) {
            outcomes_.pop_front();
        }
        outcomes_.emplace_back(command->nonce, text);
    }
    push_result(text);
}

// Under commands_mutex_.
void StudioReporter::push_result(const std::string& result) {
    if (results_.size() == kKeptResults) {
        results_.pop_front();
    }
    results_.push_back(result);
}

}  // namespace placard
