#include "app/upload_server.hpp"

#include <httplib.h>
#include <sodium.h>

#include <atomic>
#include <fstream>

#include "app/log.hpp"

namespace placard {

namespace fs = std::filesystem;

namespace {

// Compares in constant time, so that the time of a refusal tells nothing about the token.
bool token_matches(const std::string& given, const std::string& expected) {
    return given.size() == expected.size() &&
           sodium_memcmp(given.data(), expected.data(), expected.size()) == 0;
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
    std::unique_ptr<UploadServer> upload(new UploadServer());
    upload->server_ = std::make_unique<httplib::Server>();
    httplib::Server& server = *upload->server_;
    server.set_payload_max_length(max_bytes);
    server.set_read_timeout(30, 0);
    server.Post("/bundle", [&intake, token, spool](const httplib::Request& request,
                                                   httplib::Response& response) {
        if (!token_matches(request.get_header_value("Authorization"), "Bearer " + token)) {
            intake.refuse_upload("missing or wrong token from " + request.remote_addr);
            response.status = 401;
            response.set_content("missing or wrong token\n", "text/plain");
            return;
        }
        static std::atomic<unsigned> counter{0};
        const fs::path file = spool / ("upload-" + std::to_string(++counter) + ".placard");
        {
            std::ofstream out(file, std::ios::binary);
            out.write(request.body.data(), static_cast<std::streamsize>(request.body.size()));
            if (!out) {
                response.status = 507;
                response.set_content("cannot store the upload (disk full?)\n", "text/plain");
                return;
            }
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
    // httplib answers an upload over the limit with 413 before any handler runs: say so too.
    server.set_error_handler([&intake, max_bytes](const httplib::Request& request,
                                                  httplib::Response& response) {
        if (response.status == 413) {
            intake.refuse_upload("larger than the " + std::to_string(max_bytes) +
                                 "-byte limit from " + request.remote_addr);
            response.set_content(
                "larger than the limit of " + std::to_string(max_bytes) + " bytes\n", "text/plain");
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
