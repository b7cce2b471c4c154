// A screen's link to the site's MQTT broker (issue 16, content/fleet_messages.hpp), for the
// content service's reporter (studio_reporter.hpp):
//   - a signed online flag, retained, and a signed last will saying offline, both of a session
//     made new for every connect, so that a will (or any flag) replayed later names a session
//     the studio has seen end;
//   - the screen's commands topic, subscribed before the flag says online (the studio sends
//     what waited when it sees the flag); only commands signed by a trusted key are handed on,
//     so a stranger publishing there costs a signature check, nothing kept;
//   - the studio's own signed flag (placard/v1/studio/online): reports go through the broker
//     only while the studio is there to take them, else over HTTP.
// The client id is random for each run: ids are not secret on a broker, and one known id is
// enough for anyone to push the screen off (MQTT 3.1.1 §3.1.4).
#pragma once

#include <array>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include "content/signed_manifest.hpp"
#include "core/result.hpp"
#include "mqtt/mqtt_client.hpp"

namespace placard {

class ScreenBrokerLink {
  public:
    struct Handlers {
        std::function<void(std::string envelope)> command;       // Signed by a trusted key.
        std::function<void(const std::string& reason)> refused;  // Any other, and why.
        std::function<void()> connected;
    };
    static Result<std::unique_ptr<ScreenBrokerLink>> start(
        const std::string& url, const SigningKey& key,
        std::vector<std::array<unsigned char, 32>> trusted, Handlers handlers);
    // Says offline (the last words a clean disconnect needs: it does not set off the will).
    ~ScreenBrokerLink();
    ScreenBrokerLink(const ScreenBrokerLink&) = delete;
    ScreenBrokerLink& operator=(const ScreenBrokerLink&) = delete;

    // Publishes a signed report when the broker and the studio are both there; false: send it
    // over HTTP.
    bool report(const std::string& body);

  private:
    ScreenBrokerLink(const SigningKey& key, std::vector<std::array<unsigned char, 32>> trusted,
                     Handlers handlers);
    std::string flag(bool online);
    void take_studio_flag(const std::string& payload);
    Status signed_by_studio(const std::string& envelope) const;

    SigningKey key_;
    std::string key_hex_;
    std::vector<std::array<unsigned char, 32>> trusted_;
    Handlers handlers_;
    std::mutex mutex_;  // The session and the studio's flag: the loop thread and the reporter.
    std::string session_;
    std::mt19937_64 random_{std::random_device{}()};
    bool studio_online_ = false;
    std::string studio_session_;
    std::time_t studio_sent_ = 0;
    std::unique_ptr<MqttClient> client_;
};

}  // namespace placard
