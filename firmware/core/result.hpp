// Result<T>: a value or the reason there is none.
//
// Modules return this at their boundaries instead of throwing (see STYLE.md, after SerenityOS's
// ErrorOr). The message says where and what, e.g. "feed.json: articles[3].body[2]: expected a
// string", so that callers can print it as it is.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace placard {

struct Error {
    std::string message;
};

template <typename T>
class [[nodiscard]] Result {
  public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(state_); }
    const T& value() const& { return std::get<T>(state_); }
    T&& value() && { return std::get<T>(std::move(state_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<Error>(state_); }

  private:
    std::variant<T, Error> state_;
};

// For operations that produce nothing but may fail.
struct Done {};
using Status = Result<Done>;

inline Error make_error(std::string message) {
    return Error{std::move(message)};
}

}  // namespace placard
