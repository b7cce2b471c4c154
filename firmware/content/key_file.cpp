#include "content/key_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

#include "core/read_file.hpp"

namespace placard {

namespace fs = std::filesystem;

namespace {

Result<SigningKey> make_key_file(const fs::path& file) {
    std::error_code ignored;
    if (file.has_parent_path()) {
        fs::create_directories(file.parent_path(), ignored);
    }
    const SigningKey key = generate_signing_key();
    const std::string text = secret_key_text(key);
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        return make_error(ErrorKind::Failed, file.string() + ": cannot create the signing key");
    }
    const bool written =
        ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
        ::fsync(fd) == 0;
    ::close(fd);
    if (!written) {
        fs::remove(file, ignored);
        return make_error(ErrorKind::Failed, file.string() + ": cannot write the signing key");
    }
    return key;
}

Result<SigningKey> load_key_file(const fs::path& file) {
    struct stat info {};
    if (::lstat(file.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
        return make_error(file.string() + ": not a regular file");
    }
    if ((info.st_mode & 077) != 0) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(info.st_mode & 07777));
        return make_error(file.string() + ": others may read the signing key (mode " + mode +
                          "); run: chmod 600 " + file.string());
    }
    auto text = read_file(file, 4096);
    if (!text) {
        return text.error();
    }
    return parse_secret_key(*text, file.string());
}

}  // namespace

Result<SigningKey> load_or_make_key_file(const fs::path& file) {
    std::error_code error;
    return fs::exists(fs::symlink_status(file, error)) ? load_key_file(file) : make_key_file(file);
}

}  // namespace placard
