// The device's upload endpoint: POST /bundle with "Authorization: Bearer TOKEN" and a signed
// bundle as the body. Listens on loopback unless the configuration names another address.
//
// The LAN is hostile, so the endpoint is Placard's own bounded server (http/): at most 8
// connections at once and 2 from one address (more are answered 503 and closed), a request
// head of at most 16 KiB that must arrive within 10 s, every read waiting at most 5 s.
// The token and the body's framing are decided on the head alone — a wrong or missing token is
// 401, a chunked or lengthless body 411, a compressed one 415, one over max_bundle_bytes 413 —
// before a byte of the body is read. An accepted body streams to a spool file with a byte
// count and a 300 s deadline; then the bundle goes through the importer: 200 with its version,
// or 422 with the reason.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "http/bounded_http_server.hpp"
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
    UploadServer(const UploadServer&) = delete;
    UploadServer& operator=(const UploadServer&) = delete;

  private:
    UploadServer(std::string token, std::size_t max_bytes, std::filesystem::path spool,
                 BundleIntake& intake)
        : token_(std::move(token)),
          max_bytes_(max_bytes),
          spool_(std::move(spool)),
          intake_(intake) {}
    void handle(HttpExchange& exchange);

    std::string token_;
    std::size_t max_bytes_;
    std::filesystem::path spool_;
    BundleIntake& intake_;
    std::unique_ptr<BoundedHttpServer> server_;  // Last: stopped before the rest goes.
};

}  // namespace placard
