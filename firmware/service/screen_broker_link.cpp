#include "service/screen_broker_link.hpp"

#include <nlohmann/json.hpp>

#include "content/fleet_messages.hpp"
#include "mqtt/mqtt_url.hpp"
#include "runtime/log.hpp"

namespace placard {

namespace {

std::string random_hex(std::mt19937_64& random) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string text;
    for (int i = 0; i < 16; ++i) {
        text += kHex[random() % 16];
    }
    return text;
}

}  // namespace

Result<std::unique_ptr<ScreenBrokerLink>> ScreenBrokerLink::start(
    const std::string& url, const SigningKey& key,
    std::vector<std::array<unsigned char, 32>> trusted, Handlers handlers) {
    auto parsed = parse_mqtt_url(url);
    if (!parsed) {
        return parsed.error();
    }
    std::unique_ptr<ScreenBrokerLink> self(
        new ScreenBrokerLink(key, std::move(trusted), std::move(handlers)));
    ScreenBrokerLink* raw = self.get();
    const std::string commands_topic = fleet_topic(raw->key_hex_, "commands");
    const std::string studio_topic = studio_online_topic();
    MqttClient::Options options;
    options.url = *parsed;
    options.client_id = "placard-" + random_hex(raw->random_);
    options.will_topic = fleet_topic(raw->key_hex_, "online");
    options.make_will = [raw] {
        std::lock_guard lock(raw->mutex_);
        raw->session_ = random_hex(raw->random_);
        return raw->flag(false);
    };
    // A command is a few hundred bytes, the studio's flag less; nothing larger is held.
    options.most_message_bytes = 8 * 1024;
    options.on_connect = [raw, commands_topic, studio_topic](MqttClient& client) {
        // Subscribed first: the broker takes a connection's packets in order, so the commands
        // the studio sends on seeing the flag find the subscription there.
        client.subscribe(commands_topic, 1);
        client.subscribe(studio_topic, 1);
        std::string online;
        {
            std::lock_guard lock(raw->mutex_);
            online = raw->flag(true);
        }
        client.publish(fleet_topic(raw->key_hex_, "online"), online, 1, true);
        if (raw->handlers_.connected) {
            raw->handlers_.connected();
        }
    };
    options.on_message = [raw, commands_topic, studio_topic](const std::string& topic,
                                                             std::string payload) {
        if (topic == studio_topic) {
            raw->take_studio_flag(payload);
        } else if (topic == commands_topic) {
            if (auto good = raw->signed_by_studio(payload); good) {
                raw->handlers_.command(std::move(payload));
            } else if (raw->handlers_.refused) {
                raw->handlers_.refused(good.error().message);
            }
        }
    };
    auto client = MqttClient::start(std::move(options));
    if (!client) {
        return client.error();
    }
    self->client_ = std::move(*client);
    // The address without the user and password the URL may hold.
    log_info("reports go through the broker at " + parsed->host + ":" +
             std::to_string(parsed->port) + " whenever it and the studio are there");
    return self;
}

ScreenBrokerLink::ScreenBrokerLink(const SigningKey& key,
                                   std::vector<std::array<unsigned char, 32>> trusted,
                                   Handlers handlers)
    : key_(key),
      key_hex_(public_key_hex(key.public_key)),
      trusted_(std::move(trusted)),
      handlers_(std::move(handlers)) {}

ScreenBrokerLink::~ScreenBrokerLink() {
    if (client_) {
        std::string offline;
        {
            std::lock_guard lock(mutex_);
            offline = flag(false);
        }
        client_->stop(fleet_topic(key_hex_, "online"), offline);
    }
}

// Under the lock.
std::string ScreenBrokerLink::flag(bool online) {
    return signed_message(online_flag_text(key_hex_, online, session_, std::time(nullptr)), key_);
}

Status ScreenBrokerLink::signed_by_studio(const std::string& envelope) const {
    // The whole check (screen, expiry, nonce) is the reporter's; this one keeps a stranger's
    // messages from taking a place in its queue.
    const auto json = nlohmann::json::parse(envelope, nullptr, false);
    if (!json.is_object() || !json.contains("command") || !json["command"].is_string() ||
        !json.contains("signature") || !json["signature"].is_string()) {
        return make_error(ErrorKind::Unauthentic,
                          "command through the broker: not a signed command");
    }
    auto signer =
        verify_text(json["command"].get<std::string>(), json["signature"].get<std::string>(),
                    trusted_, "command through the broker");
    if (!signer) {
        return signer.error();
    }
    return Done{};
}

void ScreenBrokerLink::take_studio_flag(const std::string& payload) {
    const auto message = split_signed_message(payload);
    if (!message) {
        return;
    }
    auto signer = verify_text(message->text, message->signature, trusted_, "the studio's flag");
    if (!signer) {
        return;
    }
    const auto flag = parse_online_flag(message->text, public_key_hex(*signer));
    // A flag from more than a day ahead would lock every later one out.
    if (!flag || flag->sent > std::time(nullptr) + 86400) {
        return;
    }
    std::lock_guard lock(mutex_);
    // The same rules as the studio's for screens: an online flag newer than the last taken; an
    // offline flag of the session last seen online.
    if (flag->online && flag->sent > studio_sent_) {
        studio_online_ = true;
        studio_session_ = flag->session;
        studio_sent_ = flag->sent;
    } else if (!flag->online && flag->session == studio_session_) {
        studio_online_ = false;
    }
}

bool ScreenBrokerLink::report(const std::string& body) {
    {
        std::lock_guard lock(mutex_);
        if (!studio_online_) {
            return false;
        }
    }
    return client_->connected() &&
           client_->publish(fleet_topic(key_hex_, "status"), signed_message(body, key_), 1, false);
}

}  // namespace placard
