// What the fuzz targets share: an invariant check that stops the run with a message libFuzzer
// prints next to the input that broke it (abort() is reported as a crash and the input saved).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace placard::fuzz {

inline void require(bool holds, const char* what) {
    if (!holds) {
        std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
        std::abort();
    }
}

// Every refusal says where and what: "ORIGIN..." and something after it.
inline void require_message(std::string_view message, std::string_view origin) {
    require(message.size() > origin.size() && message.starts_with(origin),
            "an error message names its origin and says something");
}

}  // namespace placard::fuzz
