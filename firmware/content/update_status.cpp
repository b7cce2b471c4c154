#include "content/update_status.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "content/content_store.hpp"

namespace placard {

UpdateStatus load_update_status(const std::filesystem::path& file) {
    UpdateStatus status;
    std::ifstream in(file);
    if (!in) {
        return status;
    }
    std::stringstream text;
    text << in.rdbuf();
    const auto json = nlohmann::json::parse(text.str(), nullptr, false);
    if (!json.is_object()) {
        return status;
    }
    status.version = json.value("version", std::int64_t{-1});
    status.source = json.value("source", "");
    status.taken_at = json.value("taken_at", "");
    status.last_poll_at = json.value("last_poll_at", "");
    status.last_error = json.value("last_error", "");
    status.last_error_at = json.value("last_error_at", "");
    status.consecutive_failures = json.value("consecutive_failures", 0);
    status.etag = json.value("etag", "");
    status.last_modified = json.value("last_modified", "");
    status.validated_url = json.value("validated_url", "");
    return status;
}

Status save_update_status(const std::filesystem::path& file, const UpdateStatus& status) {
    nlohmann::ordered_json json;
    json["version"] = status.version;
    json["source"] = status.source;
    json["taken_at"] = status.taken_at;
    json["last_poll_at"] = status.last_poll_at;
    json["last_error"] = status.last_error;
    json["last_error_at"] = status.last_error_at;
    json["consecutive_failures"] = status.consecutive_failures;
    json["etag"] = status.etag;
    json["last_modified"] = status.last_modified;
    json["validated_url"] = status.validated_url;
    // Reasons quote what came over the network: never let a stray byte stop the record.
    return write_file_atomically(
        file, json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
}

std::string now_rfc3339() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[24];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &local);
    // RFC 3339 writes the offset as +08:00 (strftime's %z gives +0800).
    const long offset = local.tm_gmtoff / 60;
    char zone[24];
    std::snprintf(zone, sizeof zone, "%c%02ld:%02ld", offset < 0 ? '-' : '+',
                  std::labs(offset) / 60, std::labs(offset) % 60);
    return std::string(stamp) + zone;
}

}  // namespace placard
