#include "studio/fleet_broker.hpp"

#include <unistd.h>

#include "content/fleet_messages.hpp"
#include "runtime/log.hpp"

namespace placard {

namespace {

std::string host_name() {
    char name[256] = {};
    return ::gethostname(name, sizeof name - 1) == 0 && name[0] != '\0' ? name : "studio";
}

}  // namespace

Result<std::unique_ptr<FleetBroker>> FleetBroker::start(const std::string& url, Fleet& fleet,
                                                        Clock clock) {
    auto parsed = parse_mqtt_url(url);
    if (!parsed) {
        return parsed.error();
    }
    std::unique_ptr<FleetBroker> self(new FleetBroker(fleet, std::move(clock)));
    MqttClient::Options options;
    options.url = *parsed;
    // One studio a host; a second studio on the broker would need another host name.
    options.client_id = "placard-studio-" + host_name();
    // A report is a few kilobytes (Fleet::kMostReportBytes bounds what is taken).
    options.most_message_bytes = Fleet::kMostReportBytes;
    options.on_connect = [](MqttClient& client) {
        const std::string root(kFleetTopicRoot);
        client.subscribe(root + "+/status", 1);
        client.subscribe(root + "+/online", 1);
    };
    options.on_message = [raw = self.get()](const std::string& topic, const std::string& payload) {
        try {
            raw->take(topic, payload);
        } catch (const std::exception& error) {
            log_warning("mqtt: a message on " + topic + " failed: " + error.what());
        }
    };
    auto client = MqttClient::start(std::move(options));
    if (!client) {
        return client.error();
    }
    self->client_ = std::move(client.value());
    fleet.set_courier([raw = self.get()](const std::string& key, const std::string& envelope) {
        return raw->client_->publish(fleet_topic(key, "commands"), envelope, 1, false);
    });
    return self;
}

FleetBroker::~FleetBroker() {
    fleet_.set_courier(nullptr);
    client_->stop();
}

void FleetBroker::take(const std::string& topic, const std::string& payload) {
    const auto where = parse_fleet_topic(topic);
    const auto message = split_signed_message(payload);
    // The topic names the screen that signed the message: one screen cannot speak on another's.
    if (!where || !message || message->signature.find(where->key) != 8) {
        return;
    }
    if (where->what == "online") {
        // A stranger's flag, unsigned or forged, is worth a line; a screen not (yet) accepted is
        // not: its retained flag comes with every connect.
        if (auto taken = fleet_.take_online_flag(message->text, message->signature, clock_());
            !taken && taken.error().kind == ErrorKind::Unauthentic) {
            log_warning("mqtt: an online flag on " + topic + " refused: " + taken.error().message);
        }
        return;
    }
    if (where->what != "status") {
        return;
    }
    const HttpAnswer answer =
        fleet_.take_report(message->text, "Placard-Screen " + std::string(message->signature),
                           Fleet::kBrokerPeer, clock_());
    if (answer.status != 200) {
        if (answer.status != 202) {
            log_warning("mqtt: a report on " + topic + " refused: " + answer.body);
        }
        return;
    }
    // The commands that waited for the screen (given now, as in an HTTP report's answer).
    const auto json = nlohmann::json::parse(answer.body, nullptr, false);
    if (const auto commands = json.find("commands");
        json.is_object() && commands != json.end() && commands->is_array()) {
        for (const auto& envelope : *commands) {
            if (envelope.is_string()) {
                client_->publish(fleet_topic(where->key, "commands"), envelope.get<std::string>(),
                                 1, false);
            }
        }
    }
}

}  // namespace placard
