#include "runtime/missing_characters.hpp"

#include <cstdio>
#include <mutex>
#include <set>
#include <string>

#include "core/utf8.hpp"
#include "runtime/log.hpp"

namespace placard {

void log_missing_characters(const std::vector<char32_t>& missing, std::string_view where) {
    static std::mutex mutex;
    static std::set<char32_t> logged;
    std::lock_guard lock(mutex);
    for (const char32_t c : missing) {
        if (!logged.insert(c).second) {
            continue;
        }
        std::string character;
        utf8::append(character, c);
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
        log_warning(std::string(where) + ": no font has \"" + character + "\" (" + code +
                    "); it is drawn as a box");
    }
}

}  // namespace placard
