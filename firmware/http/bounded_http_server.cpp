#include "http/bounded_http_server.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <strings.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>

namespace placard {

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kReadTimeoutMs = 5000;
constexpr int kSendTimeoutS = 10;
// A small body (a form, a note, JSON) arrives at once: a client trickling one holds a slot.
constexpr auto kSmallBodyDeadline = std::chrono::seconds(10);

const char* reason_phrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 303:
            return "See Other";
        case 304:
            return "Not Modified";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
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
        case 429:
            return "Too Many Requests";
        case 431:
            return "Request Header Fields Too Large";
        case 500:
            return "Internal Server Error";
        case 503:
            return "Service Unavailable";
        case 507:
            return "Insufficient Storage";
        default:
            return "Unknown";
    }
}

// Sends everything within the exchange's send deadline: a client that stops reading (a stranger
// asking for a large file and never taking it) is dropped when the deadline passes, instead of
// holding a connection slot and the answer's memory for ever. Each send also gives up after
// kSendTimeoutS (SO_SNDTIMEO, set on every accepted connection).
bool send_all(int fd, std::string_view data, Clock::time_point deadline) {
    while (!data.empty()) {
        if (Clock::now() > deadline) {
            return false;
        }
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

// A minute, and a second more for each 64 KiB: a screen on a slow link still gets a large image.
Clock::time_point send_deadline(std::size_t bytes) {
    return Clock::now() + std::chrono::seconds(60 + bytes / (64 * 1024));
}

void send_answer(int fd, const HttpAnswer& answer) {
    std::string head = "HTTP/1.1 " + std::to_string(answer.status) + " " +
                       reason_phrase(answer.status) + "\r\nContent-Type: " + answer.content_type +
                       "\r\nContent-Length: " + std::to_string(answer.body.size()) +
                       "\r\nConnection: close\r\n";
    for (const auto& [name, value] : answer.fields) {
        head += name + ": " + value + "\r\n";
    }
    head += "\r\n";
    const auto deadline = send_deadline(head.size() + answer.body.size());
    send_all(fd, head, deadline) && send_all(fd, answer.body, deadline);
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

// After answering: stop sending, then read and drop what the client still sends for a moment,
// so that closing does not reset the connection before the client has read the answer (a
// "lingering close", for a refused request whose body was never read). A fixed buffer:
// nothing is kept.
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

int bound_port(int fd) {
    sockaddr_storage address{};
    socklen_t size = sizeof address;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
        return 0;
    }
    if (address.ss_family == AF_INET) {
        return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
    }
    return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
}

// The listening socket for HOST:PORT; -1 when none could be made.
int listen_on(const std::string& host, const std::string& port) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* addresses = nullptr;
    if (::getaddrinfo(host.empty() ? nullptr : host.c_str(), port.c_str(), &hints, &addresses) !=
        0) {
        return -1;
    }
    int listening = -1;
    for (const addrinfo* address = addresses; address != nullptr; address = address->ai_next) {
        const int fd = ::socket(address->ai_family, address->ai_socktype | SOCK_CLOEXEC, 0);
        const int one = 1;
        if (fd >= 0 && ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == 0 &&
            ::bind(fd, address->ai_addr, address->ai_addrlen) == 0 && ::listen(fd, 16) == 0) {
            listening = fd;
            break;
        }
        if (fd >= 0) {
            ::close(fd);
        }
    }
    ::freeaddrinfo(addresses);
    return listening;
}

}  // namespace

HttpAnswer text_answer(int status, std::string_view text) {
    HttpAnswer answer;
    answer.status = status;
    answer.body = std::string(text) + "\n";
    return answer;
}

BodyFraming body_framing(const HttpRequestHead& head, std::uint64_t max_bytes) {
    if (head.has("transfer-encoding")) {
        return {411, "chunked bodies are not taken: send a Content-Length", 0};
    }
    if (head.has("content-encoding")) {
        return {415, "compressed bodies are not taken", 0};
    }
    auto declared = head.field("content-length");
    if (!declared) {
        return {400, declared.error().message, 0};
    }
    if (!*declared) {
        return {411, "no Content-Length", 0};
    }
    const std::string& text = **declared;
    if (text.empty() || text.size() > 19 ||
        text.find_first_not_of("0123456789") != std::string::npos) {
        return {400, "unreadable Content-Length", 0};
    }
    const std::uint64_t length = std::stoull(text);
    if (length > max_bytes) {
        return {413, "larger than the limit of " + std::to_string(max_bytes) + " bytes", 0};
    }
    return {0, "", length};
}

bool HttpExchange::read_body(std::uint64_t length,
                             const std::function<bool(std::string_view)>& sink) {
    // RFC 9110 §10.1.1: only "100-continue" asks for it.
    if (auto expect = head_.field("expect");
        expect && *expect && strcasecmp((*expect)->c_str(), "100-continue") == 0) {
        send_all(connection_, "HTTP/1.1 100 Continue\r\n\r\n", send_deadline(0));
    }
    const auto deadline = Clock::now() + body_deadline_;
    std::uint64_t received = 0;
    const auto take = [&](std::string_view piece) {
        piece = piece.substr(
            0, static_cast<std::size_t>(std::min<std::uint64_t>(piece.size(), length - received)));
        received += piece.size();
        return piece.empty() || sink(piece);
    };
    if (!take(early_body_)) {
        return false;
    }
    early_body_ = std::string();
    char piece[4096];
    while (received < length && wait_readable(connection_, wake_, deadline)) {
        const ssize_t got = ::recv(connection_, piece, sizeof piece, 0);
        if (got <= 0 || !take(std::string_view(piece, static_cast<std::size_t>(got)))) {
            return false;
        }
    }
    return received == length;
}

std::optional<std::string> HttpExchange::read_small_body(std::uint64_t max_bytes) {
    const BodyFraming framing = body_framing(head_, max_bytes);
    if (framing.status != 0) {
        answer(text_answer(framing.status, framing.reason));
        return std::nullopt;
    }
    std::string body;
    body.reserve(static_cast<std::size_t>(framing.length));
    const auto full_deadline = body_deadline_;
    body_deadline_ = std::min<std::chrono::seconds>(body_deadline_, kSmallBodyDeadline);
    const bool complete = read_body(framing.length, [&](std::string_view piece) {
        body.append(piece);
        return true;
    });
    body_deadline_ = full_deadline;
    if (!complete) {
        answer(text_answer(400, "the body ended before its Content-Length"));
        return std::nullopt;
    }
    return body;
}

void HttpExchange::answer(const HttpAnswer& answer) {
    if (!answered_) {
        answered_ = true;
        send_answer(connection_, answer);
    }
}

Result<std::unique_ptr<BoundedHttpServer>> BoundedHttpServer::start(const std::string& listen,
                                                                    std::string_view setting,
                                                                    const HttpLimits& limits,
                                                                    Handler handler,
                                                                    Refusal refusal) {
    const auto colon = listen.rfind(':');
    std::string host = colon == std::string::npos ? "" : listen.substr(0, colon);
    const std::string port = colon == std::string::npos ? "" : listen.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    if (port.empty() || port.find_first_not_of("0123456789") != std::string::npos) {
        return make_error(std::string(setting) + ": \"" + listen + "\" is not HOST:PORT");
    }
    const int fd = listen_on(host, port);
    if (fd < 0) {
        return make_error(std::string(setting) + ": cannot listen on " + listen + " (" +
                          std::strerror(errno) + ")");
    }
    std::unique_ptr<BoundedHttpServer> server(
        new BoundedHttpServer(limits, std::move(handler), std::move(refusal)));
    server->listen_fd_ = fd;
    server->port_ = bound_port(fd);
    server->wake_fd_ = ::eventfd(0, EFD_CLOEXEC);
    server->acceptor_ = std::thread([raw = server.get()] { raw->accept_loop(); });
    return server;
}

BoundedHttpServer::~BoundedHttpServer() {
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

void BoundedHttpServer::accept_loop() {
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
        const timeval send_timeout{kSendTimeoutS, 0};
        ::setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &send_timeout, sizeof send_timeout);
        const std::string peer = peer_address(address);
        {
            std::lock_guard lock(mutex_);
            const auto from_peer = per_peer_.find(peer);  // No entry for a peer turned away.
            if (connections_ >= limits_.max_connections ||
                (from_peer != per_peer_.end() &&
                 from_peer->second >= limits_.max_connections_per_peer)) {
                // Answered at once, without reading: a crowd of idle connections cannot grow the
                // server or hold a real client out for longer than their heads' deadline.
                send_answer(connection, text_answer(503, "too many connections, try again"));
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

void BoundedHttpServer::serve(int connection, const std::string& peer) {
    // The head, bounded in bytes and time.
    std::string buffer;
    const auto head_deadline = Clock::now() + limits_.head_deadline;
    std::size_t head_end = std::string::npos;
    char piece[4096];
    while (head_end == std::string::npos) {
        if (buffer.size() > limits_.max_head_bytes) {
            refusal_("a request head over " + std::to_string(limits_.max_head_bytes / 1024) +
                     " KiB from " + peer);
            send_answer(connection, text_answer(431, "the request head is too large"));
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
        // The first empty line ends the head, whichever line ends it uses (RFC 9112 §2.2): the
        // earlier of CRLF CRLF and LF LF, so that head and body are split where any other
        // reader would split them.
        head_end = std::min(buffer.find("\r\n\r\n"), buffer.find("\n\n"));
        if (head_end != std::string::npos && head_end > limits_.max_head_bytes) {
            head_end = std::string::npos;  // Found, but past the limit: refused above.
            buffer.resize(limits_.max_head_bytes + 1);
        }
    }
    const std::size_t body_start =
        head_end + (buffer.compare(head_end, 4, "\r\n\r\n") == 0 ? 4 : 2);
    auto head = parse_request_head(std::string_view(buffer).substr(0, head_end));
    if (!head) {
        refusal_(head.error().message + " from " + peer);
        send_answer(connection, text_answer(400, head.error().message));
        close_gracefully(connection, wake_fd_);
        return;
    }
    HttpExchange exchange(connection, wake_fd_, peer, std::move(*head), buffer.substr(body_start),
                          limits_.body_deadline);
    buffer = std::string();
    // A handler's slip (an exception it did not expect) ends this request, not the server and
    // every other connection with it.
    try {
        handler_(exchange);
    } catch (const std::exception& error) {
        refusal_(std::string("a request that failed inside its handler: ") + error.what() +
                 " (from " + peer + ")");
    }
    if (!exchange.answered()) {
        exchange.answer(text_answer(500, "no answer"));
    }
    close_gracefully(connection, wake_fd_);
}

}  // namespace placard
