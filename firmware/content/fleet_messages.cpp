#include "content/fleet_messages.hpp"

#include <nlohmann/json.hpp>

#include "core/json_fields.hpp"

namespace placard {

std::string fleet_topic(std::string_view key_hex, std::string_view what) {
    std::string topic(kFleetTopicRoot);
    topic += key_hex;
    topic += '/';
    topic += what;
    return topic;
}

std::string studio_online_topic() {
    return std::string(kFleetTopicRoot) + std::string(kStudioTopicLevel) + "/online";
}

std::optional<FleetTopic> parse_fleet_topic(std::string_view topic) {
    if (!topic.starts_with(kFleetTopicRoot)) {
        return std::nullopt;
    }
    topic.remove_prefix(kFleetTopicRoot.size());
    const std::size_t slash = topic.find('/');
    if (slash != 64 || topic.find('/', slash + 1) != std::string_view::npos) {
        return std::nullopt;
    }
    return FleetTopic{std::string(topic.substr(0, slash)), std::string(topic.substr(slash + 1))};
}

std::string signed_message(std::string_view text, const SigningKey& key) {
    std::string message = signature_line(text, key);  // Ends with its newline.
    message += text;
    return message;
}

std::optional<SignedMessage> split_signed_message(std::string_view message) {
    const std::size_t end = message.find('\n');
    if (end == std::string_view::npos) {
        return std::nullopt;
    }
    return SignedMessage{message.substr(0, end), message.substr(end + 1)};
}

std::string online_flag_text(std::string_view key_hex, bool online, std::string_view session,
                             std::time_t sent) {
    nlohmann::ordered_json flag;
    flag["placard_online"] = 1;
    flag["key"] = key_hex;
    flag["online"] = online;
    flag["session"] = session;
    flag["sent"] = format_utc_time(sent);
    return flag.dump();
}

std::optional<OnlineFlag> parse_online_flag(std::string_view text, std::string_view key_hex) {
    const auto flag = nlohmann::json::parse(text, nullptr, false);
    if (!flag.is_object() || json_integer(flag, "placard_online", 0) != 1 ||
        json_text(flag, "key") != key_hex || !flag.contains("online") ||
        !flag["online"].is_boolean()) {
        return std::nullopt;
    }
    const auto sent = parse_utc_time(json_text(flag, "sent"));
    const std::string session = json_text(flag, "session");
    if (!sent || session.empty() || session.size() > 64) {
        return std::nullopt;
    }
    return OnlineFlag{flag["online"].get<bool>(), session, *sent};
}

}  // namespace placard
