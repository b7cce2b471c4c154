// The studio's side of the site's MQTT broker (issue 16, content/fleet_messages.hpp): it takes
// the screens' status reports and online flags from placard/v1/+/status and …/online, and hands
// the commands it signs to placard/v1/KEY/commands of each screen online there, so a refresh
// (and with it an urgent notice) reaches a screen in a second instead of at its next report.
//
// Everything from the broker is checked as if it came over HTTP (Fleet::take_report): signed by
// an accepted screen, newer than the last report. The broker only relays.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "mqtt/mqtt_client.hpp"
#include "studio/fleet.hpp"

namespace placard {

class FleetBroker {
  public:
    using Clock = std::function<std::int64_t()>;
    // Connects to `url` (mqtt://…, mqtt/mqtt_url.hpp) and keeps connecting; fails only on a bad
    // URL. Sets the fleet's courier; the fleet must outlive the broker link.
    static Result<std::unique_ptr<FleetBroker>> start(const std::string& url, Fleet& fleet,
                                                      Clock clock);
    ~FleetBroker();
    FleetBroker(const FleetBroker&) = delete;
    FleetBroker& operator=(const FleetBroker&) = delete;

  private:
    FleetBroker(Fleet& fleet, Clock clock) : fleet_(fleet), clock_(std::move(clock)) {}
    void take(const std::string& topic, const std::string& payload);

    Fleet& fleet_;
    Clock clock_;
    std::unique_ptr<MqttClient> client_;
};

}  // namespace placard
