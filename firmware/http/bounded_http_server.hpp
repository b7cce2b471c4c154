// Placard's own HTTP/1.1 server, for endpoints a stranger on the LAN can reach: the device's
// bundle upload (service/upload_server.hpp) and Placard Studio (studio/). A general server
// library would read whatever a client sends before the application can say no; this one
// bounds everything that happens before a request is authenticated:
//
//   - connections: at most `max_connections` at once and `max_connections_per_peer` from one
//     address; one more is answered 503 at once, without reading;
//   - the request head: at most `max_head_bytes`, arriving within `head_deadline`, every read
//     waiting at most 5 s (a too-large head is 431, an unreadable one 400);
//   - the body: never read by the server. The handler decides on the head alone (a token, a
//     session cookie) whether to read it, and then reads it piece by piece within
//     `body_deadline` (HttpExchange::read_body).
//
// One request per connection ("Connection: close"): no state survives between requests.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "http/http_request_head.hpp"

namespace placard {

struct HttpLimits {
    int max_connections = 8;
    int max_connections_per_peer = 2;
    std::size_t max_head_bytes = 16 * 1024;
    std::chrono::seconds head_deadline{10};
    std::chrono::seconds body_deadline{300};
};

struct HttpAnswer {
    int status = 200;
    std::string content_type = "text/plain; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> fields;  // More header fields.
    std::string body;
};

// A plain-text answer: the text and a line end.
HttpAnswer text_answer(int status, std::string_view text);

// How a request's body is framed, decided from its head (RFC 9112 §6): a Content-Length of at
// most `max_bytes`, no Transfer-Encoding (chunked bodies have no known end up front), no
// Content-Encoding. `status` is 0 when the body may be read, else the answer to give.
struct BodyFraming {
    int status = 0;
    std::string reason;
    std::uint64_t length = 0;
};
BodyFraming body_framing(const HttpRequestHead& head, std::uint64_t max_bytes);

// One request on one connection, handed to the handler. Answer it once.
class HttpExchange {
  public:
    HttpExchange(int connection, int wake, std::string peer, HttpRequestHead head,
                 std::string early_body, std::chrono::seconds body_deadline)
        : connection_(connection),
          wake_(wake),
          peer_(std::move(peer)),
          head_(std::move(head)),
          early_body_(std::move(early_body)),
          body_deadline_(body_deadline) {}
    HttpExchange(const HttpExchange&) = delete;
    HttpExchange& operator=(const HttpExchange&) = delete;

    const HttpRequestHead& head() const { return head_; }
    const std::string& peer() const { return peer_; }

    // Reads the body's `length` bytes (from body_framing) into `sink`, piece by piece as they
    // arrive, within the body deadline; answers "100 Continue" first when the client asked
    // (RFC 9110 §10.1.1). False when the body ended early, took too long, or `sink` said stop.
    bool read_body(std::uint64_t length, const std::function<bool(std::string_view)>& sink);
    // The whole body into memory: only for small bodies (a form, JSON), `max_bytes` bounded and
    // arriving within 10 s. Answers the refusal itself (413, 411, 400...) and returns nothing
    // when it cannot.
    std::optional<std::string> read_small_body(std::uint64_t max_bytes);

    void answer(const HttpAnswer& answer);
    bool answered() const { return answered_; }

  private:
    int connection_;
    int wake_;
    std::string peer_;
    HttpRequestHead head_;
    std::string early_body_;              // Body bytes that came in with the head.
    std::chrono::seconds body_deadline_;  // read_small_body shortens it while it reads.
    bool answered_ = false;
};

class BoundedHttpServer {
  public:
    using Handler = std::function<void(HttpExchange&)>;
    // Called with a one-line reason for each request refused before it reached the handler (a
    // head too large or unreadable), so that the program can log or count it.
    using Refusal = std::function<void(const std::string&)>;

    // `listen` is HOST:PORT (an IPv6 host in brackets); `setting` names the configuration
    // setting it came from, for the messages ("upload_listen: ... is not HOST:PORT").
    static Result<std::unique_ptr<BoundedHttpServer>> start(const std::string& listen,
                                                            std::string_view setting,
                                                            const HttpLimits& limits,
                                                            Handler handler, Refusal refusal);
    ~BoundedHttpServer();  // Stops accepting, ends every connection, joins.
    BoundedHttpServer(const BoundedHttpServer&) = delete;
    BoundedHttpServer& operator=(const BoundedHttpServer&) = delete;

    // The port it listens on (the one the system chose when `listen` said port 0).
    int port() const { return port_; }

  private:
    BoundedHttpServer(const HttpLimits& limits, Handler handler, Refusal refusal)
        : limits_(limits), handler_(std::move(handler)), refusal_(std::move(refusal)) {}
    void accept_loop();
    void serve(int connection, const std::string& peer);

    HttpLimits limits_;
    Handler handler_;
    Refusal refusal_;
    int listen_fd_ = -1;
    int wake_fd_ = -1;  // An eventfd: written once to stop everything.
    int port_ = 0;
    std::thread acceptor_;
    std::mutex mutex_;
    std::condition_variable idle_;
    int connections_ = 0;
    std::map<std::string, int> per_peer_;
};

}  // namespace placard
