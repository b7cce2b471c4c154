// The device's upload endpoint (cpp-httplib): POST /bundle with "Authorization: Bearer TOKEN"
// and a signed bundle as the body. Listens on loopback unless the configuration names another
// address. A missing or wrong token is 401, a body over max_bundle_bytes 413, a refused bundle
// 422 with the reason; a taken one 200 with its version.
#pragma once

#include <memory>
#include <string>
#include <thread>

#include "app/bundle_intake.hpp"

namespace httplib {
class Server;
}

namespace placard {

class UploadServer {
  public:
    // `listen` is HOST:PORT; `token` may not be empty.
    static Result<std::unique_ptr<UploadServer>> start(const std::string& listen,
                                                       const std::string& token,
                                                       std::size_t max_bytes,
                                                       std::filesystem::path spool,
                                                       BundleIntake& intake);
    ~UploadServer();  // Stops and joins.

  private:
    UploadServer() = default;
    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;
};

}  // namespace placard
