#include "core/read_file.hpp"

#include <fstream>
#include <sstream>

namespace placard {

namespace fs = std::filesystem;

Result<std::string> read_file(const fs::path& path, std::uintmax_t max_bytes) {
    std::error_code error;
    const auto status = fs::status(path, error);
    if (error || !fs::exists(status)) {
        return make_error(ErrorKind::NotFound, path.string() + ": no such file");
    }
    if (!fs::is_regular_file(status)) {
        return make_error(path.string() + ": not a regular file");
    }
    const auto size = fs::file_size(path, error);
    if (error) {
        return make_error(ErrorKind::Failed,
                          path.string() + ": cannot read its size (" + error.message() + ")");
    }
    if (size > max_bytes) {
        return make_error(ErrorKind::TooLarge, path.string() + ": " + std::to_string(size) +
                                                   " bytes, more than the " +
                                                   std::to_string(max_bytes) + "-byte limit");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return make_error(ErrorKind::Failed, path.string() + ": cannot open for reading");
    }
    std::ostringstream contents;
    contents << in.rdbuf();
    if (in.bad()) {
        return make_error(ErrorKind::Failed, path.string() + ": read error");
    }
    return contents.str();
}

}  // namespace placard
