#include "app/upload_server.hpp"

#include <fcntl.h>
#include <httplib.h>
#include <sodium.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>

#include "app/log.hpp"
#include "content/content_store.hpp"

namespace placard {

namespace fs = std::filesystem;

namespace {

// Whole-request limits: no request, however slow, holds a worker longer than this, and no
// read waits longer than the per-read time-out.
constexpr auto kRequestDeadline = std::chrono::seconds(300);
constexpr int kReadTimeoutSeconds = 5;

// Compares in constant time, so that the time of a refusal tells nothing about the token.
bool token_matches(const std::string& given, const std::string& expected) {
    return given.size() == expected.size() &&
           sodium_memcmp(given.data(), expected.data(), expected.size()) == 0;
}

void answer(httplib::Response& response, int status, const std::string& text) {
    // The body of a refused request was never read, so the connection cannot carry another:
    // keep-alive is off (set_keep_alive_max_count(1)), httplib says "Connection: close".
    response.status = status;
    response.set_content(text + "\n", "text/plain");
}

// Checks a request on its headers alone, before a byte of its body is read: the token first
// (nothing unauthenticated costs memory or disk), then a body the endpoint can stream to disk
// with a known end — a Content-Length within the limit, not chunked, not compressed. Returns
// 0 when the body may be read, else the HTTP status to answer with.
int check_headers(const httplib::Request& request, const std::string& token, std::size_t max_bytes,
                  std::string& reason) {
    if (!token_matches(request.get_header_value("Authorization"), "Bearer " + token)) {
        reason = "missing or wrong token";
        return 401;
    }
    if (request.has_header("Transfer-Encoding")) {
        reason = "chunked bodies are not taken: send a Content-Length";
        return 411;
    }
    if (request.has_header("Content-Encoding")) {
        reason = "compressed bodies are not taken";
        return 415;
    }
    if (!request.has_header("Content-Length")) {
        reason = "no Content-Length";
        return 411;
    }
    const std::string length_text = request.get_header_value("Content-Length");
    char* end = nullptr;
    errno = 0;
    const unsigned long long length = std::strtoull(length_text.c_str(), &end, 10);
    if (length_text.empty() || *end != '\0' || errno != 0 || length_text[0] == '-') {
        reason = "unreadable Content-Length";
        return 400;
    }
    if (length > max_bytes) {
        reason = "larger than the limit of " + std::to_string(max_bytes) + " bytes";
        return 413;
    }
    return 0;
}

}  // namespace

Result<std::unique_ptr<UploadServer>> UploadServer::start(const std::string& listen,
                                                          const std::string& token,
                                                          std::size_t max_bytes, fs::path spool,
                                                          BundleIntake& intake) {
    if (token.size() < 16) {
        return make_error("upload_token: at least 16 characters are needed");
    }
    const auto colon = listen.rfind(':');
    int port = 0;
    try {
        port = colon == std::string::npos ? 0 : std::stoi(listen.substr(colon + 1));
    } catch (...) {
        port = 0;
    }
    if (port <= 0 || port > 65535) {
        return make_error("upload_listen: \"" + listen + "\" is not HOST:PORT");
    }
    const std::string host = listen.substr(0, colon);
    std::error_code error;
    fs::create_directories(spool, error);
    // Spooled uploads of a service that died are of no use to anyone.
    for (const auto& entry : fs::directory_iterator(spool, error)) {
        fs::remove(entry.path(), error);
    }
    std::unique_ptr<UploadServer> upload(new UploadServer());
    upload->server_ = std::make_unique<httplib::Server>();
    httplib::Server& server = *upload->server_;
    server.set_payload_max_length(max_bytes);
    server.set_read_timeout(kReadTimeoutSeconds, 0);
    server.set_write_timeout(kReadTimeoutSeconds, 0);
    server.set_keep_alive_max_count(1);
    // Refusals are decided on the headers, before the client sends its body (RFC 9110 §10.1.1:
    // a client that sent Expect: 100-continue waits for this answer).
    server.set_expect_100_continue_handler(
        [&intake, token, max_bytes](const httplib::Request& request, httplib::Response& response) {
            std::string reason;
            if (const int status = check_headers(request, token, max_bytes, reason); status != 0) {
                intake.refuse_unauthenticated(reason + " from " + request.remote_addr);
                answer(response, status, reason);
                return status;
            }
            return 100;
        });
    server.set_pre_routing_handler(
        [&intake, token, max_bytes](const httplib::Request& request, httplib::Response& response) {
            std::string reason;
            if (request.path != "/bundle" || request.method != "POST") {
                answer(response, 404, "only POST /bundle is served here");
                return httplib::Server::HandlerResponse::Handled;
            }
            if (const int status = check_headers(request, token, max_bytes, reason); status != 0) {
                intake.refuse_unauthenticated(reason + " from " + request.remote_addr);
                answer(response, status, reason);
                return httplib::Server::HandlerResponse::Handled;
            }
            return httplib::Server::HandlerResponse::Unhandled;
        });
    server.Post("/bundle", [&intake, spool, max_bytes](const httplib::Request& request,
                                                       httplib::Response& response,
                                                       const httplib::ContentReader& read_body) {
        static std::atomic<unsigned> counter{0};
        const fs::path file = spool / ("upload-" + std::to_string(::getpid()) + "-" +
                                       std::to_string(++counter) + ".placard");
        const int fd =
            ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0) {
            answer(response, 507,
                   "cannot store the upload (" + std::string(std::strerror(errno)) + ")");
            return;
        }
        // Streamed to disk as it arrives, counted, within the request's deadline.
        const auto deadline = std::chrono::steady_clock::now() + kRequestDeadline;
        std::uint64_t received = 0;
        bool write_failed = false, too_slow = false;
        const bool complete = read_body([&](const char* data, std::size_t length) {
            received += length;
            if (received > max_bytes) {
                return false;
            }
            if (std::chrono::steady_clock::now() > deadline) {
                too_slow = true;
                return false;
            }
            while (length > 0) {
                const ssize_t written = ::write(fd, data, length);
                if (written < 0 && errno == EINTR) {
                    continue;
                }
                if (written <= 0) {
                    write_failed = true;
                    return false;
                }
                data += written;
                length -= static_cast<std::size_t>(written);
            }
            return true;
        });
        ::close(fd);
        const std::string declared = request.get_header_value("Content-Length");
        if (!complete || write_failed || std::to_string(received) != declared) {
            std::error_code ignored;
            fs::remove(file, ignored);
            answer(response, write_failed ? 507 : 400,
                   write_failed ? "cannot store the upload (disk full?)"
                   : too_slow   ? "the upload took too long"
                                : "the body ended before its Content-Length");
            return;
        }
        const UpdateOutcome outcome = intake.take(file);
        std::error_code ignored;
        fs::remove(file, ignored);
        if (outcome.kind == UpdateOutcome::Kind::Taken) {
            response.status = 200;
            response.set_content("took version " + std::to_string(outcome.version) + "\n",
                                 "text/plain");
        } else {
            response.status = 422;
            response.set_content("refused: " + outcome.reason + "\n", "text/plain");
        }
    });
    if (!server.bind_to_port(host, port)) {
        return make_error("upload_listen: cannot listen on " + listen);
    }
    upload->thread_ = std::thread([&server] { server.listen_after_bind(); });
    log_info("accepting bundle uploads on " + listen);
    return upload;
}

UploadServer::~UploadServer() {
    if (server_) {
        server_->stop();
    }
    if (thread_.joinable()) {
        thread_.join();
    }
}

}  // namespace placard
