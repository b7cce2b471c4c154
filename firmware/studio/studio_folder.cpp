#include "studio/studio_folder.hpp"

#include <sys/stat.h>

#include "content/key_file.hpp"

namespace placard {

namespace fs = std::filesystem;

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
    auto key = load_or_make_key_file(key_file);
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
