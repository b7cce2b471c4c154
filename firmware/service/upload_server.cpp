#include "service/upload_server.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

#include "runtime/log.hpp"

namespace placard {

namespace fs = std::filesystem;

namespace {

// Compares in constant time, so that the time of a refusal tells nothing about the token.
bool token_matches(const std::string& given, const std::string& expected) {
    return given.size() == expected.size() &&
           sodium_memcmp(given.data(), expected.data(), expected.size()) == 0;
}

// A refused bundle's answer says what kind of refusal it was (RFC 9110 §15.5), so that a script
// that pushes can tell a bundle to fix from a key to check, an old version, or a screen that
// should be tried again later.
int status_for_refusal(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::Unauthentic:
            return 403;
        case ErrorKind::Stale:
            return 409;
        case ErrorKind::TooLarge:
            return 413;
        case ErrorKind::Failed:
            return 503;
        case ErrorKind::Invalid:
        case ErrorKind::NotFound:
            break;
    }
    return 422;
}

// Decides on the head alone whether the body may be read: the token first (nothing
// unauthenticated costs memory or disk), then a body with a known end within the limit.
BodyFraming check_head(const HttpRequestHead& head, const std::string& token,
                       std::size_t max_bytes) {
    if (head.method != "POST" || head.target != "/bundle") {
        return {404, "only POST /bundle is served here", 0};
    }
    auto authorization = head.field("authorization");
    if (!authorization || !*authorization || !token_matches(**authorization, "Bearer " + token)) {
        return {401, "missing or wrong token", 0};
    }
    return body_framing(head, max_bytes);
}

// Writes all of `data` to `fd`; false when the disk refuses.
bool write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t written = ::write(fd, data.data(), data.size());
        if (written < 0 && errno == EINTR) {
            continue;
        }
        if (written <= 0) {
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

}  // namespace

Result<std::unique_ptr<UploadServer>> UploadServer::start(const std::string& listen,
                                                          const std::string& token,
                                                          std::size_t max_bytes, fs::path spool,
                                                          BundleIntake& intake) {
    if (token.size() < 16) {
        return make_error("upload_token: at least 16 characters are needed");
    }
    std::unique_ptr<UploadServer> upload(
        new UploadServer(token, max_bytes, std::move(spool), intake));
    std::error_code error;
    fs::create_directories(upload->spool_, error);
    // Spooled uploads of a service that died are of no use to anyone.
    for (const auto& entry : fs::directory_iterator(upload->spool_, error)) {
        fs::remove(entry.path(), error);
    }
    auto server = BoundedHttpServer::start(
        listen, "upload_listen", HttpLimits{},
        [raw = upload.get()](HttpExchange& exchange) { raw->handle(exchange); },
        [&intake](const std::string& reason) { intake.refuse_unauthenticated(reason); });
    if (!server) {
        return server.error();
    }
    upload->server_ = std::move(*server);
    log_info("accepting bundle uploads on " + listen);
    return upload;
}

void UploadServer::handle(HttpExchange& exchange) {
    const BodyFraming framing = check_head(exchange.head(), token_, max_bytes_);
    if (framing.status != 0) {
        intake_.refuse_unauthenticated(framing.reason + " from " + exchange.peer());
        exchange.answer(text_answer(framing.status, framing.reason));
        return;
    }
    static std::atomic<unsigned> counter{0};
    const fs::path file = spool_ / ("upload-" + std::to_string(::getpid()) + "-" +
                                    std::to_string(++counter) + ".placard");
    const int out =
        ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (out < 0) {
        exchange.answer(text_answer(
            507, "cannot store the upload (" + std::string(std::strerror(errno)) + ")"));
        return;
    }
    // The body streams to disk as it arrives, counted, within its deadline.
    bool write_failed = false;
    const bool complete = exchange.read_body(framing.length, [&](std::string_view piece) {
        write_failed = !write_all(out, piece);
        return !write_failed;
    });
    ::close(out);
    if (!complete) {
        std::error_code ignored;
        fs::remove(file, ignored);
        exchange.answer(write_failed
                            ? text_answer(507, "cannot store the upload (disk full?)")
                            : text_answer(400, "the body ended before its Content-Length"));
        return;
    }
    const UpdateOutcome outcome = intake_.take(file);
    std::error_code ignored;
    fs::remove(file, ignored);
    if (outcome.kind != UpdateOutcome::Kind::Refused) {
        exchange.answer(text_answer(200, describe_outcome(outcome)));
    } else {
        exchange.answer(text_answer(status_for_refusal(outcome.refusal->kind),
                                    "refused: " + outcome.refusal->message));
    }
}

}  // namespace placard
