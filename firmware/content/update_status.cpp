#include "content/update_status.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "content/content_store.hpp"
#include "core/utf8.hpp"

namespace placard {

namespace {

// The field `key` when it is there with the expected type, else `fallback`.
std::string text_field(const nlohmann::json& json, const char* key) {
    const auto found = json.find(key);
    return found != json.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::int64_t integer_field(const nlohmann::json& json, const char* key, std::int64_t fallback) {
    const auto found = json.find(key);
    return found != json.end() && found->is_number_integer() ? found->get<std::int64_t>()
                                                             : fallback;
}

}  // namespace

UpdateStatus parse_update_status(std::string_view text) {
    UpdateStatus status;
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_object()) {
        return status;
    }
    status.version = integer_field(json, "version", -1);
    status.source = text_field(json, "source");
    status.taken_at = text_field(json, "taken_at");
    status.last_poll_at = text_field(json, "last_poll_at");
    status.last_error = text_field(json, "last_error");
    status.last_error_kind = text_field(json, "last_error_kind");
    status.last_error_source = text_field(json, "last_error_source");
    status.last_error_at = text_field(json, "last_error_at");
    const std::int64_t failures = integer_field(json, "consecutive_failures", 0);
    status.consecutive_failures =
        failures < 0 || failures > 1'000'000'000 ? 0 : static_cast<int>(failures);
    status.etag = text_field(json, "etag");
    status.last_modified = text_field(json, "last_modified");
    status.validated_url = text_field(json, "validated_url");
    return status;
}

UpdateStatus load_update_status(const std::filesystem::path& file) {
    // A record, never large: anything bigger is not ours.
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return {};
    }
    std::string text(64 * 1024, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    return parse_update_status(text);
}

Status save_update_status(const std::filesystem::path& file, const UpdateStatus& status) {
    nlohmann::ordered_json json;
    json["version"] = status.version;
    json["source"] = utf8::escape_for_message(status.source);
    json["taken_at"] = status.taken_at;
    json["last_poll_at"] = status.last_poll_at;
    json["last_error"] = utf8::escape_for_message(status.last_error);
    json["last_error_kind"] = status.last_error_kind;
    json["last_error_source"] = utf8::escape_for_message(status.last_error_source);
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

void UpdateStatus::clear_error() {
    last_error.clear();
    last_error_kind.clear();
    last_error_source.clear();
    consecutive_failures = 0;
}

}  // namespace placard
