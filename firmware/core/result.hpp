// Result<T>: a value or the reason there is none; PLACARD_TRY to pass a reason on.
//
// Modules return this at their boundaries instead of throwing (see STYLE.md, after SerenityOS's
// ErrorOr and its TRY). An Error has a kind, for the code that must act on it (try again later,
// answer 403 rather than 422), and a message that says where and what, e.g. "feed.json:
// articles[3].body[2]: expected a string", for the person who reads it. Callers decide by the
// kind and print the message as it is; nobody searches a message for words.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace placard {

enum class ErrorKind : std::uint8_t {
    Invalid,      // The input breaks its format or a rule (a feed, a bundle, a setting, a flag).
    Unauthentic,  // A signature or key does not verify, or vouches for another site.
    Stale,        // A version not newer than the one already held.
    TooLarge,     // Over a size, count or pixel budget.
    NotFound,     // A file, font, display or item that is not there.
    Failed,       // This device failed (disk, lock, permission, network): trying again may work.
};

// The kind's name in status.json and in logs: "invalid", "unauthentic", "stale", "too-large",
// "not-found", "failed".
std::string_view error_kind_name(ErrorKind kind);

struct Error {
    ErrorKind kind = ErrorKind::Invalid;
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
    // The value moved out, by value: what PLACARD_TRY yields (a statement expression's last
    // value must not refer to the result it is about to destroy).
    T release_value() { return std::get<T>(std::move(state_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const& { return std::get<Error>(state_); }
    Error&& error() && { return std::get<Error>(std::move(state_)); }

  private:
    std::variant<T, Error> state_;
};

// For operations that produce nothing but may fail.
struct Done {};
using Status = Result<Done>;

// Most reasons are about input (a feed, a file, a flag): Invalid unless said otherwise.
inline Error make_error(std::string message) {
    return Error{ErrorKind::Invalid, std::move(message)};
}
inline Error make_error(ErrorKind kind, std::string message) {
    return Error{kind, std::move(message)};
}

// The same error, its message prefixed with where it happened ("news.placard: ").
inline Error with_context(Error error, std::string_view where) {
    error.message.insert(0, std::string(where) + ": ");
    return error;
}

}  // namespace placard

// PLACARD_TRY(expression): the value of a Result, or return its error from the enclosing
// function (which returns a Result or an Error). It is a GNU statement expression, as
// SerenityOS's TRY, which both g++ and clang compile; __extension__ keeps -Wpedantic quiet.
//
//     const std::string text = PLACARD_TRY(read_file(path, limit));
//
// Only as a whole initializer or statement: inside a braced initializer, `T{a, PLACARD_TRY(b)}`,
// its return would leave `a`, already built, undestroyed (no exception unwinds it).
// NOLINTBEGIN(cppcoreguidelines-macro-usage): a function cannot return from its caller.
#define PLACARD_TRY(expression)                            \
    __extension__({                                        \
        auto placard_try_result_ = (expression);           \
        if (!placard_try_result_) {                        \
            return std::move(placard_try_result_).error(); \
        }                                                  \
        placard_try_result_.release_value();               \
    })
// NOLINTEND(cppcoreguidelines-macro-usage)
