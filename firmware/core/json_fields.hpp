// Fields of JSON that arrived from elsewhere (a screen's report, a studio's answer, a command),
// read without trusting their types: nlohmann's value() throws when a field is there with
// another type, and a thrown exception on a reporting thread would end the program. A missing
// field, a field of another type, or a value that is not an object reads as the fallback.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace placard {

template <typename Json>
std::string json_text(const Json& object, std::string_view key, std::string fallback = {}) {
    if (!object.is_object()) {
        return fallback;
    }
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->template get<std::string>()
                                                       : fallback;
}

template <typename Json>
std::int64_t json_integer(const Json& object, std::string_view key, std::int64_t fallback) {
    if (!object.is_object()) {
        return fallback;
    }
    const auto found = object.find(key);
    return found != object.end() && found->is_number_integer() ? found->template get<std::int64_t>()
                                                               : fallback;
}

// At most `max_bytes` of UTF-8 `text`, cut before a character, never inside one (a name cut
// inside a character is not UTF-8, and cannot be written out as JSON).
std::string utf8_prefix(std::string_view text, std::size_t max_bytes);

}  // namespace placard
