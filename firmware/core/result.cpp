#include "core/result.hpp"

namespace placard {

std::string_view error_kind_name(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::Invalid:
            return "invalid";
        case ErrorKind::Unauthentic:
            return "unauthentic";
        case ErrorKind::Stale:
            return "stale";
        case ErrorKind::TooLarge:
            return "too-large";
        case ErrorKind::NotFound:
            return "not-found";
        case ErrorKind::Failed:
            return "failed";
    }
    return "invalid";
}

}  // namespace placard
