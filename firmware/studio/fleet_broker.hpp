// The studio's side of the site's MQTT broker (issue 16, content/fleet_messages.hpp): it takes
// the screens' status reports and online flags from placard/v1/+/status and …/online, and hands
// the commands it signs to placard/v1/KEY/commands of each screen online there, so a refresh
// (and with it an urgent notice) reaches a screen in a second instead of at its next report.
//
// Everything from the broker is checked as if it came over HTTP (Fleet::take_report): signed by
// an accepted screen, newer than the last report. The broker only relays. The studio keeps a
// flag of its own there (placard/v1/studio/online, signed by its key, retained, and its will):
// screens report through the broker only while the studio says it is there.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "content/signed_manifest.hpp"
#include "core/result.hpp"
#include "mqtt/mqtt_client.hpp"
#include "runtime/log_allowance.hpp"
#include "studio/fleet.hpp"

namespace placard {

class FleetBroker {
  public:
    using Clock = std::function<std::int64_t()>;
    // Connects to `url` (mqtt://…, mqtt/mqtt_url.hpp) and keeps connecting; fails only on a bad
    // URL. Sets the fleet's courier; the fleet must outlive the broker link.
    static Result<std::unique_ptr<FleetBroker>> start(const std::string& url, Fleet& fleet,
                                                      const SigningKey& key, Clock clock);
    ~FleetBroker();
    FleetBroker(const FleetBroker&) = delete;
    FleetBroker& operator=(const FleetBroker&) = delete;

  private:
    FleetBroker(Fleet& fleet, const SigningKey& key, Clock clock)
        : fleet_(fleet), key_(key), clock_(std::move(clock)) {}
    void take(const std::string& topic, const std::string& payload);
    std::string flag(bool online);

    Fleet& fleet_;
    SigningKey key_;
    Clock clock_;
    std::mutex mutex_;  // The session: made on the loop thread, read when stopping.
    std::string session_;
    LogAllowance refusals_;  // On the loop thread only.
    std::unique_ptr<MqttClient> client_;
    // The client, once start() has it: the loop thread may take a message before then.
    std::atomic<MqttClient*> publisher_{nullptr};
};

}  // namespace placard
