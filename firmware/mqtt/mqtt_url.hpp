// The broker's address as an admin writes it (`mqtt_url` in placard.conf, the studio's
// --mqtt-url): mqtt://[USER[:PASSWORD]@]HOST[:PORT]. libmosquitto takes the parts one by one and
// parses no URL itself. mqtts:// (MQTT over TLS, port 8883) checks the broker's certificate
// against the system's certificate authorities.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace placard {

struct MqttUrl {
    bool tls = false;
    std::string host;
    int port = 1883;
    std::string user, password;
};

// Refuses anything else (another scheme, a path, an empty host, a bad port) with the reason.
Result<MqttUrl> parse_mqtt_url(std::string_view url);

}  // namespace placard
