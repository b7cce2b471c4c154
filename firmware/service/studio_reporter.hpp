// The content service's side of the fleet (issue 16): every `report_interval` seconds a status
// report (screen_report.hpp) goes to the studio, signed with the screen's key
// ("Authorization: Placard-Screen ed25519 KEY SIG"), and the studio's answer carries the
// commands waiting for this screen, each signed by the studio (content/screen_command.hpp),
// which are checked and carried out here. A studio that is down, slow or refuses costs the
// screen nothing: the report waits for the next interval, and what went wrong is logged once
// per change, not every 30 seconds.
//
// With an MQTT broker configured (`mqtt_url`), the reports go to the broker instead and the
// commands come from it the moment the studio signs them (content/fleet_messages.hpp), with a
// retained online flag and a last will; while the broker cannot be reached, the reports go over
// HTTP as before, and their answers still carry the commands.
#pragma once

#include <array>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include "content/content_store.hpp"
#include "content/screen_command.hpp"
#include "core/player_config.hpp"
#include "runtime/log_allowance.hpp"
#include "runtime/periodic_thread.hpp"
#include "service/screen_broker_link.hpp"

namespace placard {

// What the service does for each kind of command; a handler missing (null) refuses it.
struct CommandHandlers {
    std::function<Status()> refresh;
};

class StudioReporter {
  public:
    // Loads or makes the screen's key (config.screen_key); fails with a one-line reason.
    static Result<std::unique_ptr<StudioReporter>> start(
        const PlayerConfig& config, const ContentStore& store,
        std::vector<std::array<unsigned char, 32>> trusted, CommandHandlers handlers);
    ~StudioReporter();
    StudioReporter(const StudioReporter&) = delete;
    StudioReporter& operator=(const StudioReporter&) = delete;

  private:
    StudioReporter(const PlayerConfig& config, const ContentStore& store, SigningKey key,
                   std::vector<std::array<unsigned char, 32>> trusted, CommandHandlers handlers);
    std::chrono::duration<double> report_once();
    // The report over MQTT when the broker is there; false: send it over HTTP.
    bool report_to_broker(const std::string& body, std::size_t results);
    // Drops the first `sent` command results: a report carried them.
    void forget_results(std::size_t sent);
    Status start_broker_link();
    void push_result(const std::string& result);
    // Carries out the commands that came from the broker (on a thread of their own).
    std::chrono::duration<double> carry_out_arrived();
    // `route`: how it came, for the log ("through the broker").
    void carry_out(const std::string& envelope, std::time_t now, const char* route);
    void say(const std::string& state, bool problem);
    Status ask_player(const ScreenCommand& command);
    void send_screenshot();

    PlayerConfig config_;
    const ContentStore& store_;
    SigningKey key_;
    std::string key_hex_;
    std::string name_;
    std::vector<std::array<unsigned char, 32>> trusted_;
    CommandHandlers handlers_;
    // Under commands_mutex_: what the reporting thread and the broker's commands share.
    std::mutex commands_mutex_;
    CommandNonces nonces_;
    std::string last_said_;
    std::mt19937 random_{std::random_device{}()};
    std::string screenshot_wanted_;  // The nonce of the screenshot to send once the player took it.
    int screenshot_looks_ = 0;
    static constexpr int kMostScreenshotLooks = 30;
    static constexpr std::size_t kMostScreenshotBytes = 4 * 1024 * 1024;
    // What became of the latest commands, sent with the next reports (at most kKeptResults).
    std::deque<std::string> results_;
    static constexpr std::size_t kKeptResults = 20;
    // The broker (null without mqtt_url) and the commands it brought.
    std::deque<std::string> arrived_;  // Under commands_mutex_.
    static constexpr std::size_t kMostArrived = 20;
    // Refusals of what is not the studio's, and commands given again (under commands_mutex_).
    LogAllowance strangers_;
    LogAllowance replays_{5, LogAllowance::Level::Info};
    // What became of the latest commands carried out, by nonce: said again when one is given
    // again (under commands_mutex_).
    std::deque<std::pair<std::string, std::string>> outcomes_;
    static constexpr std::size_t kKeptOutcomes = 64;
    std::unique_ptr<ScreenBrokerLink> broker_;
    PeriodicThread commands_thread_;
    PeriodicThread thread_;  // Last: stopped before what it uses is destroyed.
};

}  // namespace placard
