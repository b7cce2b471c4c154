#include "content/screen_requests.hpp"

#include <nlohmann/json.hpp>

#include "core/read_file.hpp"

namespace placard {

std::filesystem::path screen_requests_file(const ContentStore& store) {
    return store.root() / "screen-requests.json";
}

ScreenRequests load_screen_requests(const std::filesystem::path& file) {
    ScreenRequests requests;
    auto text = read_file(file, 4096);
    const auto json = text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json();
    if (!json.is_object()) {
        return requests;
    }
    const auto field = [&](const char* key) {
        const auto found = json.find(key);
        return found != json.end() && found->is_string() ? found->get<std::string>()
                                                         : std::string();
    };
    requests.screenshot = field("screenshot");
    requests.restart = field("restart");
    requests.display_nonce = field("display_nonce");
    if (const std::string display = field("display"); display == "on" || display == "off") {
        requests.display = display;
        const auto at = json.find("display_at");
        requests.display_at =
            at != json.end() && at->is_number_integer() ? at->get<std::int64_t>() : 0;
    }
    requests.group = field("group");
    if (const auto at = json.find("group_at"); at != json.end() && at->is_number_integer()) {
        requests.group_at = at->get<std::int64_t>();
    }
    return requests;
}

Status save_screen_requests(const std::filesystem::path& file, const ScreenRequests& requests) {
    nlohmann::json json;
    json["screenshot"] = requests.screenshot;
    json["restart"] = requests.restart;
    json["display"] = requests.display;
    json["display_nonce"] = requests.display_nonce;
    json["display_at"] = requests.display_at;
    json["group"] = requests.group;
    json["group_at"] = requests.group_at;
    return write_file_atomically(file, json.dump() + "\n");
}

}  // namespace placard
