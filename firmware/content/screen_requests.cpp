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
    return requests;
}

Status save_screen_requests(const std::filesystem::path& file, const ScreenRequests& requests) {
    nlohmann::json json;
    json["screenshot"] = requests.screenshot;
    json["restart"] = requests.restart;
    return write_file_atomically(file, json.dump() + "\n");
}

}  // namespace placard
