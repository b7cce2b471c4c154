// placard-tool serve [--config FILE]: runs the content service (firmware/service/).
#include "commands.hpp"
#include "runtime/log.hpp"
#include "service/content_service.hpp"

namespace placard::tool {

int serve_command(const Arguments& arguments) {
    std::string path;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == "--config" && i + 1 < arguments.size()) {
            path = arguments[++i];
        } else {
            log_error("serve: usage: serve [--config FILE]");
            return 2;
        }
    }
    return run_content_service(path);
}

}  // namespace placard::tool
