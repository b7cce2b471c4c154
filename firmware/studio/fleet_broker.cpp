#include "studio/fleet_broker.hpp"

#include <random>

#include "content/fleet_messages.hpp"
#include "runtime/log.hpp"

namespace placard {

namespace {

std::string random_hex() {
    static constexpr char kHex[] = "0123456789abcdef";
    std::mt19937_64 random{std::random_device{}()};
    std::string text;
    for (int i = 0; i < 16; ++i) {
        text += kHex[random() % 16];
    }
    return text;
}

}  // namespace

Result<std::unique_ptr<FleetBroker>> FleetBroker::start(const std::string& url, Fleet& fleet,
                                                        const SigningKey& key, Clock clock) {
    auto parsed = parse_mqtt_url(url);
    if (!parsed) {
        return parsed.error();
    }
    std::unique_ptr<FleetBroker> self(new FleetBroker(fleet, key, std::move(clock)));
    FleetBroker* raw = self.get();
    MqttClient::Options options;
    options.url = *parsed;
    // Random: a known id is enough for anyone on the broker to push the studio off.
    options.client_id = "placard-studio-" + random_hex();
    // The studio's flag, a session a connect, as the screens' (content/fleet_messages.hpp):
    // screens report through the broker only while it says online.
    options.will_topic = studio_online_topic();
    options.make_will = [raw] {
        std::lock_guard lock(raw->mutex_);
        raw->session_ = random_hex();
        return raw->flag(false);
    };
    // A report is a few kilobytes (Fleet::kMostReportBytes bounds what is taken).
    options.most_message_bytes = Fleet::kMostReportBytes;
    options.on_connect = [raw](MqttClient& client) {
        const std::string root(kFleetTopicRoot);
        client.subscribe(root + "+/status", 1);
        client.subscribe(root + "+/online", 1);
        std::string online;
        {
            std::lock_guard lock(raw->mutex_);
            online = raw->flag(true);
        }
        client.publish(studio_online_topic(), online, 1, true);
    };
    options.on_message = [raw](const std::string& topic, const std::string& payload) {
        try {
            raw->take(topic, payload);
        } catch (const std::exception& error) {
            raw->refusals_.warn("mqtt: a message on " + topic + " failed: " + error.what());
        }
    };
    auto client = MqttClient::start(std::move(options));
    if (!client) {
        return client.error();
    }
    self->client_ = std::move(client.value());
    self->publisher_ = self->client_.get();
    fleet.set_courier([raw](const std::string& to, const std::string& envelope) {
        MqttClient* publisher = raw->publisher_;
        return publisher != nullptr &&
               publisher->publish(fleet_topic(to, "commands"), envelope, 1, false);
    });
    return self;
}

FleetBroker::~FleetBroker() {
    fleet_.set_courier(nullptr);
    if (client_) {
        std::string offline;
        {
            std::lock_guard lock(mutex_);
            offline = flag(false);
        }
        client_->stop(studio_online_topic(), offline);
    }
}

// Under the lock.
std::string FleetBroker::flag(bool online) {
    const std::string key_hex = public_key_hex(key_.public_key);
    return signed_message(online_flag_text(key_hex, online, session_, std::time(nullptr)), key_);
}

void FleetBroker::take(const std::string& topic, const std::string& payload) {
    const auto where = parse_fleet_topic(topic);
    const auto message = split_signed_message(payload);
    if (!where || !message) {
        return;  // Not a screen's topic (the studio's own flag among them), or not signed.
    }
    // The topic names the screen that signed the message ("ed25519 KEY SIG"): one screen's
    // message cannot be taken as another's.
    if (message->signature.substr(0, 8) != "ed25519 " ||
        message->signature.substr(8, 64) != where->key) {
        refusals_.warn("mqtt: a message on " + topic + " is signed by another key");
        return;
    }
    if (where->what == "online") {
        // A forged flag is worth a line; a screen not (yet) accepted, or an old flag, is not:
        // retained flags come with every connect.
        if (auto taken = fleet_.take_online_flag(message->text, message->signature, clock_());
            !taken && taken.error().kind == ErrorKind::Unauthentic) {
            refusals_.warn("mqtt: an online flag on " + topic +
                           " refused: " + taken.error().message);
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
        // 202: waiting to be accepted; 409: a report taken already (QoS 1 may bring one twice).
        if (answer.status != 202 && answer.status != 409) {
            refusals_.warn("mqtt: a report on " + topic + " refused: " + answer.body);
        }
        return;
    }
    // The commands for the screen (given now, as in an HTTP report's answer).
    const auto json = nlohmann::json::parse(answer.body, nullptr, false);
    MqttClient* client = publisher_;
    if (const auto commands = json.find("commands");
        client != nullptr && json.is_object() && commands != json.end() && commands->is_array()) {
        for (const auto& envelope : *commands) {
            if (envelope.is_string()) {
                client->publish(fleet_topic(where->key, "commands"), envelope.get<std::string>(), 1,
                                false);
            }
        }
    }
}

}  // namespace placard
