#include "content/screen_command.hpp"

#include <sodium.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "content/content_store.hpp"
#include "core/audience.hpp"
#include "core/json_fields.hpp"
#include "core/read_file.hpp"
#include "core/utf8.hpp"

namespace placard {

namespace {

constexpr std::pair<CommandAction, std::string_view> kActionNames[] = {
    {CommandAction::Refresh, "refresh"},      {CommandAction::Screenshot, "screenshot"},
    {CommandAction::DisplayOn, "display-on"}, {CommandAction::DisplayOff, "display-off"},
    {CommandAction::Restart, "restart"},      {CommandAction::Group, "group"}};

bool is_nonce(std::string_view text) {
    return text.size() == 32 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::string command_text(const ScreenCommand& command) {
    nlohmann::ordered_json json;
    json["placard_command"] = 1;
    json["action"] = command_action_name(command.action);
    json["screen"] = command.screen;
    json["nonce"] = command.nonce;
    json["issued"] = format_utc_time(command.issued);
    json["expires"] = format_utc_time(command.expires);
    if (command.action == CommandAction::Group) {
        json["group"] = command.group;
    }
    return json.dump();
}

Result<ScreenCommand> parse_command_text(std::string_view text, const std::string& where) {
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_object() || json_integer(json, "placard_command", 0) != 1) {
        return make_error(ErrorKind::Unauthentic, where + ": not a Placard command");
    }
    const auto field = [&](const char* key) {
        const auto found = json.find(key);
        return found != json.end() && found->is_string() ? found->get<std::string>()
                                                         : std::string();
    };
    ScreenCommand command;
    if (!parse_command_action(field("action"), command.action)) {
        return make_error(where + ": unknown action \"" + field("action") + "\"");
    }
    command.screen = field("screen");
    command.nonce = field("nonce");
    const auto issued = parse_utc_time(field("issued"));
    const auto expires = parse_utc_time(field("expires"));
    if (!is_nonce(command.nonce) || !issued || !expires) {
        return make_error(where + ": a command needs a nonce (32 hex digits), issued and expires");
    }
    command.issued = *issued;
    command.expires = *expires;
    if (command.action == CommandAction::Group) {
        const auto group = json.find("group");
        if (group == json.end() || !group->is_string() ||
            group->get_ref<const std::string&>().size() > kMostGroupBytes ||
            !utf8::is_valid(group->get_ref<const std::string&>())) {
            return make_error(where + ": a group command names the group (UTF-8, at most " +
                              std::to_string(kMostGroupBytes) + " bytes; \"\" for none)");
        }
        command.group = group->get<std::string>();
    }
    return command;
}

}  // namespace

std::string_view command_action_name(CommandAction action) {
    for (const auto& [known, name] : kActionNames) {
        if (known == action) {
            return name;
        }
    }
    return "refresh";
}

bool parse_command_action(std::string_view name, CommandAction& action) {
    for (const auto& [known, known_name] : kActionNames) {
        if (known_name == name) {
            action = known;
            return true;
        }
    }
    return false;
}

ScreenCommand new_screen_command(CommandAction action, std::string screen, std::time_t now,
                                 std::time_t lifetime) {
    if (sodium_init() < 0) {
        std::abort();  // No randomness: a nonce could repeat.
    }
    unsigned char random[16];
    randombytes_buf(random, sizeof random);
    std::string nonce(sizeof random * 2 + 1, '\0');
    sodium_bin2hex(nonce.data(), nonce.size(), random, sizeof random);
    nonce.pop_back();
    ScreenCommand command;
    command.action = action;
    command.screen = std::move(screen);
    command.nonce = std::move(nonce);
    command.issued = now;
    command.expires = now + std::clamp<std::time_t>(lifetime, 1, kLongestCommandSeconds);
    return command;
}

std::string screenshot_signed_text(std::string_view nonce, std::string_view png) {
    std::string text = "placard-screenshot ";
    text.append(nonce);
    text += '\n';
    text.append(png);
    return text;
}

std::string sign_screen_command(const ScreenCommand& command, const SigningKey& key) {
    const std::string text = command_text(command);
    std::string signature = signature_line(text, key);
    while (!signature.empty() && signature.back() == '\n') {
        signature.pop_back();
    }
    nlohmann::ordered_json envelope;
    envelope["command"] = text;
    envelope["signature"] = signature;
    return envelope.dump();
}

CommandNonces::CommandNonces(std::filesystem::path file) : file_(std::move(file)) {
    if (file_.empty()) {
        return;
    }
    auto text = read_file(file_, 1024 * 1024);
    const auto json = text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json();
    if (!json.is_object()) {
        return;
    }
    clock_ = static_cast<std::time_t>(json_integer(json, "clock", 0));
    if (const auto found = json.find("nonces"); found != json.end() && found->is_object()) {
        for (const auto& [nonce, expires] : found->items()) {
            if (is_nonce(nonce) && expires.is_number_integer() && nonces_.size() < kMostNonces) {
                nonces_[nonce] = expires.get<std::time_t>();
            }
        }
    }
}

Status CommandNonces::take(const std::string& nonce, std::time_t expires, std::time_t now) {
    const std::lock_guard lock(mutex_);
    // Expiry is judged by the latest time seen: a clock set back cannot revive a command.
    clock_ = std::max(clock_, now);
    std::erase_if(nonces_, [&](const auto& entry) { return entry.second <= clock_; });
    if (expires <= clock_) {
        return make_error(ErrorKind::Stale, "the command has expired");
    }
    if (nonces_.contains(nonce)) {
        return make_error(ErrorKind::Stale, "the command was taken before (a replay)");
    }
    if (nonces_.size() >= kMostNonces) {
        return make_error(ErrorKind::Failed, "too many commands at once");
    }
    nonces_[nonce] = expires;
    if (!file_.empty()) {
        nlohmann::json json;
        json["clock"] = clock_;
        json["nonces"] = nonces_;
        if (auto written = write_file_atomically(file_, json.dump()); !written) {
            // Unremembered, it could be replayed after a restart: not taken.
            nonces_.erase(nonce);
            return written.error();
        }
    }
    return Done{};
}

bool CommandNonces::taken(const std::string& nonce) {
    const std::lock_guard lock(mutex_);
    const auto found = nonces_.find(nonce);
    return found != nonces_.end() && found->second > clock_;
}

Result<ScreenCommand> verify_screen_command(
    std::string_view envelope, const std::vector<std::array<unsigned char, 32>>& trusted,
    std::string_view own_key, std::time_t now, CommandNonces& nonces, std::string_view origin,
    ScreenCommand* authentic) {
    const std::string where(origin);
    const auto json = nlohmann::json::parse(envelope, nullptr, false);
    if (!json.is_object() || !json.contains("command") || !json["command"].is_string() ||
        !json.contains("signature") || !json["signature"].is_string()) {
        return make_error(ErrorKind::Unauthentic, where + ": not a signed command");
    }
    const std::string text = json["command"].get<std::string>();
    if (auto signer = verify_text(text, json["signature"].get<std::string>(), trusted, where);
        !signer) {
        return signer.error();
    }
    auto command = parse_command_text(text, where);
    if (!command) {
        return command;
    }
    if (command->screen != own_key) {
        return make_error(ErrorKind::Unauthentic, where + ": signed for another screen");
    }
    if (command->expires - command->issued > kLongestCommandSeconds ||
        command->expires <= command->issued) {
        return make_error(ErrorKind::Unauthentic,
                          where + ": signed for longer than an hour (or for no time at all)");
    }
    if (authentic != nullptr) {
        *authentic = *command;
    }
    if (auto taken = nonces.take(command->nonce, command->expires, now); !taken) {
        return make_error(taken.error().kind, where + ": " + taken.error().message);
    }
    return command;
}

}  // namespace placard
