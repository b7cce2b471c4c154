#include "studio/media_library.hpp"

#include <fstream>

#include "content/sha256.hpp"
#include "render/image_decoder.hpp"
#include "runtime/sqlite_statement.hpp"

namespace placard {

namespace fs = std::filesystem;

namespace {

// The image's kind from its first bytes (PNG: RFC 2083 §3.1; JPEG: the SOI marker), not from
// its name or the Content-Type a browser claims.
std::string image_extension(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    unsigned char head[8] = {};
    in.read(reinterpret_cast<char*>(head), sizeof head);
    if (in.gcount() == 8 && head[0] == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G' &&
        head[4] == '\r' && head[5] == '\n' && head[6] == 0x1a && head[7] == '\n') {
        return ".png";
    }
    if (in.gcount() >= 3 && head[0] == 0xff && head[1] == 0xd8 && head[2] == 0xff) {
        return ".jpg";
    }
    return {};
}

}  // namespace

Result<MediaItem> MediaLibrary::add_upload(const fs::path& file, const std::string& user,
                                           std::int64_t now) {
    if (const Status room = check_room(); !room) {
        std::error_code ignored;
        fs::remove(file, ignored);
        return room.error();
    }
    const std::string extension = image_extension(file);
    auto hash = sha256_of_file(file);
    std::error_code ignored;
    if (extension.empty() || !hash) {
        fs::remove(file, ignored);
        return make_error(extension.empty() ? "not a PNG or JPEG image"
                                            : "the upload cannot be read");
    }
    return add(file, hash->substr(0, 16) + extension, user, now);
}

Result<MediaItem> MediaLibrary::add_named(const fs::path& file, const std::string& name,
                                          const std::string& user, std::int64_t now) {
    return add(file, name, user, now);
}

Status MediaLibrary::check_room() const {
    SqliteStatement query(db_.handle(), "SELECT COUNT(*), IFNULL(SUM(size), 0) FROM media");
    if (!query || sqlite3_step(query.get()) != SQLITE_ROW) {
        return db_.error("cannot count the images");
    }
    if (sqlite3_column_int64(query.get(), 0) >= kMaxLibraryImages ||
        sqlite3_column_int64(query.get(), 1) >= kMaxLibraryBytes) {
        return make_error(ErrorKind::TooLarge,
                          "图片库已满（" + std::to_string(kMaxLibraryImages) + " 张或 2 GiB）");
    }
    return Done{};
}

Result<MediaItem> MediaLibrary::add(const fs::path& file, std::string name, const std::string& user,
                                    std::int64_t now) {
    std::error_code ignored;
    // One image decoded at a time: each may take up to 128 MB while it is checked.
    std::unique_lock decoding(decoding_);
    auto image = load_image(file.string());
    decoding.unlock();
    auto hash = sha256_of_file(file);
    if (!image || !hash) {
        fs::remove(file, ignored);
        // The reason without the spool file's path (the studio's folders are nobody's business).
        std::string reason = image ? hash.error().message : image.error().message;
        if (reason.starts_with(file.string() + ": ")) {
            reason = "the image: " + reason.substr(file.string().size() + 2);
        }
        return make_error(reason);
    }
    MediaItem item{std::move(name),
                   *hash,
                   static_cast<std::int64_t>(fs::file_size(file, ignored)),
                   image->width,
                   image->height,
                   user,
                   now};
    fs::create_directories(data_ / "media", ignored);
    const fs::path stored = data_ / "media" / item.sha256;
    std::error_code error;
    fs::rename(file, stored, error);
    if (error) {
        fs::remove(file, ignored);
        return make_error(ErrorKind::Failed, "cannot keep the image: " + error.message());
    }
    SqliteStatement insert(db_.handle(),
                           "INSERT INTO media (name, sha256, size, width, height, added_by, added) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING");
    sqlite3_bind_text(insert.get(), 1, item.name.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert.get(), 2, item.sha256.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(insert.get(), 3, item.size);
    sqlite3_bind_int(insert.get(), 4, item.width);
    sqlite3_bind_int(insert.get(), 5, item.height);
    sqlite3_bind_text(insert.get(), 6, user.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(insert.get(), 7, now);
    if (sqlite3_step(insert.get()) != SQLITE_DONE) {
        return db_.error("cannot list the image " + item.name);
    }
    return item;
}

std::vector<MediaItem> MediaLibrary::list() const {
    std::vector<MediaItem> items;
    SqliteStatement query(db_.handle(),
                          "SELECT name, sha256, size, width, height, added_by, added FROM media "
                          "ORDER BY added DESC, name");
    while (query && sqlite3_step(query.get()) == SQLITE_ROW) {
        items.push_back(MediaItem{column_text(query.get(), 0), column_text(query.get(), 1),
                                  sqlite3_column_int64(query.get(), 2),
                                  sqlite3_column_int(query.get(), 3),
                                  sqlite3_column_int(query.get(), 4), column_text(query.get(), 5),
                                  sqlite3_column_int64(query.get(), 6)});
    }
    return items;
}

Status MediaLibrary::link_into(const fs::path& folder) const {
    std::error_code error;
    fs::create_directories(folder / "media", error);
    for (const MediaItem& item : list()) {
        fs::create_hard_link(data_ / "media" / item.sha256, folder / "media" / item.name, error);
        if (error) {
            return make_error(ErrorKind::Failed, "cannot link " + item.name + " into " +
                                                     folder.string() + ": " + error.message());
        }
    }
    return Done{};
}

}  // namespace placard
