#include "studio/studio_folder.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

#include "core/read_file.hpp"

namespace placard {

namespace fs = std::filesystem;

namespace {

// Writes a new key with O_EXCL, mode 0600 from the start (never briefly readable by others).
Result<SigningKey> make_signing_key(const fs::path& file) {
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
        std::error_code ignored;
        fs::remove(file, ignored);
        return make_error(ErrorKind::Failed, file.string() + ": cannot write the signing key");
    }
    return key;
}

Result<SigningKey> load_signing_key(const fs::path& file) {
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

Result<StudioFolder> open_studio_folder(const fs::path& data) {
    std::error_code error;
    fs::create_directories(data, error);
    if (error || !fs::is_directory(data, error)) {
        return make_error(ErrorKind::Failed, data.string() + ": cannot make the data folder");
    }
    ::chmod(data.c_str(), 0700);
    fs::create_directories(data / "published", error);
    // What a request was checking or previewing when the studio last stopped: nobody's now.
    fs::remove_all(data / "work", error);
    const fs::path key_file = data / "signing.key";
    auto key = fs::exists(fs::symlink_status(key_file, error)) ? load_signing_key(key_file)
                                                               : make_signing_key(key_file);
    if (!key) {
        return key.error();
    }
    auto db = StudioDatabase::open(data / "studio.db");
    if (!db) {
        return db.error();
    }
    return StudioFolder{data, *key, std::move(*db)};
}

}  // namespace placard
