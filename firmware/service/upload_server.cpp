#include "service/upload_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sodium.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>

#include "runtime/log.hpp"
#include "service/http_request_head.hpp"

namespace placard {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kMaxConnections = 8;
constexpr int kMaxConnectionsPerPeer = 2;
constexpr std::size_t kMaxHeadBytes = 16 * 1024;
constexpr auto kHeadDeadline = std::chrono::seconds(10);
constexpr auto kBodyDeadline = std::chrono::seconds(300);
constexpr int kReadTimeoutMs = 5000;

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

const char* reason_phrase(int status) {
    switch (status) {
        case 100:
            return "Continue";
        case 200:
            return "OK";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 408:
            return "Request Timeout";
        case 409:
            return "Conflict";
        case 411:
            return "Length Required";
        case 413:
            return "Content Too Large";
        case 415:
            return "Unsupported Media Type";
        case 422:
            return "Unprocessable Content";
        case 431:
            return "Request Header Fields Too Large";
        case 503:
            return "Service Unavailable";
        default:
            return "Insufficient Storage";
    }
}

bool send_all(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t sent = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR) {
            continue;
        }
        if (sent <= 0) {
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
}

void answer(int fd, int status, const std::string& text) {
    const std::string body = text + "\n";
    send_all(fd, "HTTP/1.1 " + std::to_string(status) + " " + reason_phrase(status) +
                     "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " +
                     std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
}

// Waits until `fd` can be read, at most the per-read time-out and never past `deadline`;
// false on time-out or when the server stops.
bool wait_readable(int fd, int wake, Clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) {
        return false;
    }
    pollfd fds[2] = {{fd, POLLIN, 0}, {wake, POLLIN, 0}};
    const int ready = ::poll(fds, 2, static_cast<int>(std::min<long long>(left, kReadTimeoutMs)));
    return ready > 0 && (fds[1].revents & POLLIN) == 0 &&
           (fds[0].revents & (POLLIN | POLLHUP)) != 0;
}

// After refusing a request whose body was not read: stop sending, then read and drop what the
// client still sends for a moment, so that closing does not reset the connection before the
// client has read the answer (a "lingering close"). A fixed buffer: nothing is kept.
void close_gracefully(int fd, int wake) {
    ::shutdown(fd, SHUT_WR);
    char sink[4096];
    const auto until = Clock::now() + std::chrono::seconds(2);
    std::size_t drained = 0;
    while (drained < 4 * 1024 * 1024 && wait_readable(fd, wake, until)) {
        const ssize_t got = ::recv(fd, sink, sizeof sink, 0);
        if (got <= 0) {
            break;
        }
        drained += static_cast<std::size_t>(got);
    }
    ::close(fd);
}

// Decides on the head alone whether the body may be read: the token first (nothing
// unauthenticated costs memory or disk), then a body with a known end within the limit.
// 0 when it may, else the status to answer, with `reason`.
int check_head(const HttpRequestHead& head, const std::string& token, std::size_t max_bytes,
               std::uint64_t& length, std::string& reason) {
    if (head.method != "POST" || head.target != "/bundle") {
        reason = "only POST /bundle is served here";
        return 404;
    }
    auto authorization = head.field("authorization");
    if (!authorization || !*authorization || !token_matches(**authorization, "Bearer " + token)) {
        reason = "missing or wrong token";
        return 401;
    }
    if (head.has("transfer-encoding")) {
        reason = "chunked bodies are not taken: send a Content-Length";
        return 411;
    }
    if (head.has("content-encoding")) {
        reason = "compressed bodies are not taken";
        return 415;
    }
    auto declared = head.field("content-length");
    if (!declared) {
        reason = declared.error().message;
        return 400;
    }
    if (!*declared) {
        reason = "no Content-Length";
        return 411;
    }
    const std::string& text = **declared;
    if (text.empty() || text.size() > 19 ||
        text.find_first_not_of("0123456789") != std::string::npos) {
        reason = "unreadable Content-Length";
        return 400;
    }
    length = std::stoull(text);
    if (length > max_bytes) {
        reason = "larger than the limit of " + std::to_string(max_bytes) + " bytes";
        return 413;
    }
    return 0;
}

std::string peer_address(const sockaddr_storage& address) {
    char text[INET6_ADDRSTRLEN] = "?";
    if (address.ss_family == AF_INET) {
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(address).sin_addr, text,
                  sizeof text);
    } else if (address.ss_family == AF_INET6) {
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(address).sin6_addr, text,
                  sizeof text);
    }
    return text;
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
    std::string host = colon == std::string::npos ? "" : listen.substr(0, colon);
    const std::string port = colon == std::string::npos ? "" : listen.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* addresses = nullptr;
    if (port.empty() || port.find_first_not_of("0123456789") != std::string::npos ||
        ::getaddrinfo(host.empty() ? nullptr : host.c_str(), port.c_str(), &hints, &addresses) !=
            0) {
        return make_error("upload_listen: \"" + listen + "\" is not HOST:PORT");
    }
    std::unique_ptr<UploadServer> server(
        new UploadServer(token, max_bytes, std::move(spool), intake));
    for (const addrinfo* address = addresses; address != nullptr; address = address->ai_next) {
        const int fd = ::socket(address->ai_family, address->ai_socktype | SOCK_CLOEXEC, 0);
        const int one = 1;
        if (fd >= 0 && ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == 0 &&
            ::bind(fd, address->ai_addr, address->ai_addrlen) == 0 && ::listen(fd, 16) == 0) {
            server->listen_fd_ = fd;
            break;
        }
        if (fd >= 0) {
            ::close(fd);
        }
    }
    ::freeaddrinfo(addresses);
    if (server->listen_fd_ < 0) {
        return make_error("upload_listen: cannot listen on " + listen + " (" +
                          std::strerror(errno) + ")");
    }
    server->wake_fd_ = ::eventfd(0, EFD_CLOEXEC);
    std::error_code error;
    fs::create_directories(server->spool_, error);
    // Spooled uploads of a service that died are of no use to anyone.
    for (const auto& entry : fs::directory_iterator(server->spool_, error)) {
        fs::remove(entry.path(), error);
    }
    server->acceptor_ = std::thread([raw = server.get()] { raw->accept_loop(); });
    log_info("accepting bundle uploads on " + listen);
    return server;
}

UploadServer::~UploadServer() {
    const std::uint64_t one = 1;
    if (wake_fd_ >= 0 && ::write(wake_fd_, &one, sizeof one) < 0) {
        // Nothing more to do: the threads then end at their next time-out.
    }
    if (acceptor_.joinable()) {
        acceptor_.join();
    }
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [this] { return connections_ == 0; });
    if (listen_fd_ >= 0) {
        ::close(listen_fd_);
    }
    if (wake_fd_ >= 0) {
        ::close(wake_fd_);
    }
}

void UploadServer::accept_loop() {
    while (true) {
        pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {wake_fd_, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0 && errno != EINTR) {
            return;
        }
        if (fds[1].revents & POLLIN) {
            return;
        }
        if (!(fds[0].revents & POLLIN)) {
            continue;
        }
        sockaddr_storage address{};
        socklen_t size = sizeof address;
        const int connection =
            ::accept4(listen_fd_, reinterpret_cast<sockaddr*>(&address), &size, SOCK_CLOEXEC);
        if (connection < 0) {
            continue;  // EMFILE and the like: the next connection may do.
        }
        const std::string peer = peer_address(address);
        {
            std::lock_guard lock(mutex_);
            const auto from_peer = per_peer_.find(peer);  // No entry for a peer turned away.
            if (connections_ >= kMaxConnections ||
                (from_peer != per_peer_.end() && from_peer->second >= kMaxConnectionsPerPeer)) {
                // Answered at once, without reading: a crowd of idle connections cannot grow the
                // service or hold a push out for longer than their heads' deadline.
                answer(connection, 503, "too many connections, try again");
                ::close(connection);
                continue;
            }
            ++connections_;
            ++per_peer_[peer];
        }
        std::thread([this, connection, peer] {
            serve(connection, peer);
            std::lock_guard lock(mutex_);
            --connections_;
            if (--per_peer_[peer] == 0) {
                per_peer_.erase(peer);
            }
            idle_.notify_all();
        }).detach();
    }
}

void UploadServer::serve(int connection, const std::string& peer) {
    // The head, bounded in bytes and time.
    std::string buffer;
    const auto head_deadline = Clock::now() + kHeadDeadline;
    std::size_t head_end = std::string::npos;
    char piece[4096];
    while (head_end == std::string::npos) {
        if (buffer.size() > kMaxHeadBytes) {
            intake_.refuse_unauthenticated("a request head over 16 KiB from " + peer);
            answer(connection, 431, "the request head is too large");
            close_gracefully(connection, wake_fd_);
            return;
        }
        if (!wait_readable(connection, wake_fd_, head_deadline)) {
            ::close(connection);  // Too slow, or the server stops: no answer owed.
            return;
        }
        const ssize_t got = ::recv(connection, piece, sizeof piece, 0);
        if (got <= 0) {
            ::close(connection);
            return;
        }
        buffer.append(piece, static_cast<std::size_t>(got));
        head_end = buffer.find("\r\n\r\n");
        if (head_end == std::string::npos && buffer.find("\n\n") != std::string::npos) {
            head_end = buffer.find("\n\n");
        }
    }
    const std::size_t body_start =
        head_end + (buffer.compare(head_end, 4, "\r\n\r\n") == 0 ? 4 : 2);
    auto head = parse_request_head(std::string_view(buffer).substr(0, head_end));
    std::uint64_t length = 0;
    std::string reason;
    int status = head ? check_head(*head, token_, max_bytes_, length, reason) : 400;
    if (!head) {
        reason = head.error().message;
    }
    if (status != 0) {
        intake_.refuse_unauthenticated(reason + " from " + peer);
        answer(connection, status, reason);
        close_gracefully(connection, wake_fd_);
        return;
    }
    // RFC 9110 §10.1.1: a client that asked waits for this before it sends the body.
    if (auto expect = head->field("expect"); expect && *expect) {
        send_all(connection, "HTTP/1.1 100 Continue\r\n\r\n");
    }
    static std::atomic<unsigned> counter{0};
    const fs::path file = spool_ / ("upload-" + std::to_string(::getpid()) + "-" +
                                    std::to_string(++counter) + ".placard");
    const int out =
        ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (out < 0) {
        answer(connection, 507,
               "cannot store the upload (" + std::string(std::strerror(errno)) + ")");
        close_gracefully(connection, wake_fd_);
        return;
    }
    // The body streams to disk as it arrives, counted, within its deadline.
    const auto body_deadline = Clock::now() + kBodyDeadline;
    std::uint64_t received = 0;
    bool write_failed = false;
    const auto store = [&](const char* data, std::size_t size) {
        size = static_cast<std::size_t>(std::min<std::uint64_t>(size, length - received));
        received += size;
        while (size > 0 && !write_failed) {
            const ssize_t written = ::write(out, data, size);
            if (written < 0 && errno == EINTR) {
                continue;
            }
            write_failed = written <= 0;
            if (!write_failed) {
                data += written;
                size -= static_cast<std::size_t>(written);
            }
        }
    };
    store(buffer.data() + body_start, buffer.size() - body_start);
    buffer = std::string();
    while (received < length && !write_failed &&
           wait_readable(connection, wake_fd_, body_deadline)) {
        const ssize_t got = ::recv(connection, piece, sizeof piece, 0);
        if (got <= 0) {
            break;
        }
        store(piece, static_cast<std::size_t>(got));
    }
    ::close(out);
    if (received != length || write_failed) {
        std::error_code ignored;
        fs::remove(file, ignored);
        answer(connection, write_failed ? 507 : 400,
               write_failed ? "cannot store the upload (disk full?)"
                            : "the body ended before its Content-Length");
        ::close(connection);
        return;
    }
    const UpdateOutcome outcome = intake_.take(file);
    std::error_code ignored;
    fs::remove(file, ignored);
    if (outcome.kind != UpdateOutcome::Kind::Refused) {
        answer(connection, 200, describe_outcome(outcome));
    } else {
        answer(connection, status_for_refusal(outcome.refusal->kind),
               "refused: " + outcome.refusal->message);
    }
    ::close(connection);
}

}  // namespace placard
