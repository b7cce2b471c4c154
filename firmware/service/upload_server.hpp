// The device's upload endpoint: POST /bundle with "Authorization: Bearer TOKEN" and a signed
// bundle as the body. Listens on loopback unless the configuration names another address.
//
// The LAN is hostile, so the endpoint reads requests itself (no general HTTP server in front):
// at most 8 connections at once and 2 from one address (more are answered 503 and closed), a
// request head of at most 16 KiB that must arrive within 10 s, every read waiting at most 5 s.
// The token and the body's framing are decided on the head alone — a wrong or missing token is
// 401, a chunked or lengthless body 411, a compressed one 415, one over max_bundle_bytes 413 —
// before a byte of the body is read. An accepted body streams to a spool file with a byte
// count and a 300 s deadline; then the bundle goes through the importer: 200 with its version,
// or 422 with the reason.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "service/bundle_intake.hpp"

namespace placard {

class UploadServer {
  public:
    // `listen` is HOST:PORT; `token` may not be empty.
    static Result<std::unique_ptr<UploadServer>> start(const std::string& listen,
                                                       const std::string& token,
                                                       std::size_t max_bytes,
                                                       std::filesystem::path spool,
                                                       BundleIntake& intake);
    ~UploadServer();  // Stops accepting, ends every connection, joins.
    UploadServer(const UploadServer&) = delete;
    UploadServer& operator=(const UploadServer&) = delete;

  private:
    UploadServer(std::string token, std::size_t max_bytes, std::filesystem::path spool,
                 BundleIntake& intake)
        : token_(std::move(token)),
          max_bytes_(max_bytes),
          spool_(std::move(spool)),
          intake_(intake) {}
    void accept_loop();
    void serve(int connection, const std::string& peer);

    std::string token_;
    std::size_t max_bytes_;
    std::filesystem::path spool_;
    BundleIntake& intake_;
    int listen_fd_ = -1;
    int wake_fd_ = -1;  // An eventfd: written once to stop everything.
    std::thread acceptor_;
    std::mutex mutex_;
    std::condition_variable idle_;
    int connections_ = 0;
    std::map<std::string, int> per_peer_;
};

}  // namespace placard
