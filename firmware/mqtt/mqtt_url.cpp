#include "mqtt/mqtt_url.hpp"

#include <charconv>

namespace placard {

namespace {

// RFC 3986 §2.1 percent-encoding, for a user or password holding ':' or '@'.
bool percent_decode(std::string_view text, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        unsigned value = 0;
        if (i + 2 >= text.size()) {
            return false;
        }
        const auto [end, error] =
            std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16);
        // NUL would end the C string libmosquitto is given: a password cut short.
        if (error != std::errc() || end != text.data() + i + 3 || value == 0) {
            return false;
        }
        out += static_cast<char>(value);
        i += 2;
    }
    return true;
}

}  // namespace

Result<MqttUrl> parse_mqtt_url(std::string_view url) {
    // The URL in messages without what follows the user: a password does not go to the log.
    std::string shown(url);
    if (const std::size_t at = shown.rfind('@'); at != std::string::npos) {
        const std::size_t start =
            shown.find("://") == std::string::npos ? 0 : shown.find("://") + 3;
        if (const std::size_t colon = shown.find(':', start);
            colon != std::string::npos && colon < at) {
            shown.replace(colon + 1, at - colon - 1, "***");
        }
    }
    const auto fail = [&](const std::string& why) {
        return make_error("mqtt_url \"" + shown + "\": " + why);
    };
    MqttUrl parsed;
    std::string_view rest = url;
    if (rest.starts_with("mqtt://")) {
        rest.remove_prefix(7);
    } else if (rest.starts_with("mqtts://")) {
        rest.remove_prefix(8);
        parsed.tls = true;
        parsed.port = 8883;
    } else {
        return fail("not mqtt://HOST[:PORT] or mqtts://HOST[:PORT]");
    }
    if (!rest.empty() && rest.back() == '/') {
        rest.remove_suffix(1);
    }
    if (rest.find_first_of("/?#") != std::string_view::npos) {
        return fail("a broker's address has no path");
    }
    if (const std::size_t at = rest.rfind('@'); at != std::string_view::npos) {
        const std::string_view user_info = rest.substr(0, at);
        const std::size_t colon = user_info.find(':');
        if (!percent_decode(user_info.substr(0, colon), parsed.user) ||
            (colon != std::string_view::npos &&
             !percent_decode(user_info.substr(colon + 1), parsed.password))) {
            return fail("a bad %-escape in the user or password");
        }
        rest.remove_prefix(at + 1);
    }
    std::string_view port;
    if (rest.starts_with("[")) {  // An IPv6 address (RFC 3986 §3.2.2).
        const std::size_t close = rest.find(']');
        if (close == std::string_view::npos) {
            return fail("an IPv6 address without its ']'");
        }
        parsed.host = std::string(rest.substr(1, close - 1));
        rest.remove_prefix(close + 1);
        if (!rest.empty() && !rest.starts_with(":")) {
            return fail("something after the IPv6 address");
        }
        port = rest.empty() ? std::string_view() : rest.substr(1);
    } else {
        const std::size_t colon = rest.find(':');
        parsed.host = std::string(rest.substr(0, colon));
        port = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    }
    if (parsed.host.empty()) {
        return fail("no host");
    }
    if (!port.empty() || rest.ends_with(":")) {
        int value = 0;
        const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
        if (port.empty() || error != std::errc() || end != port.data() + port.size() || value < 1 ||
            value > 65535) {
            return fail("the port is not a number from 1 to 65535");
        }
        parsed.port = value;
    }
    return parsed;
}

}  // namespace placard
