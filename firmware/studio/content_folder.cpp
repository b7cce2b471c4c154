#include "studio/content_folder.hpp"

#include <unistd.h>

#include <atomic>

#include "content/bundle_reader.hpp"
#include "content/bundle_signature.hpp"
#include "content/content_store.hpp"
#include "content/staged_update.hpp"
#include "service/bundle_images.hpp"

namespace placard {

namespace fs = std::filesystem;

ContentFolder::~ContentFolder() {
    if (!path_.empty()) {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
}

Result<ContentFolder> make_content_folder(const fs::path& data, const std::string& feed_text,
                                          const MediaLibrary& media) {
    static std::atomic<unsigned> counter{0};
    ContentFolder folder(
        data / "work" /
        ("content-" + std::to_string(::getpid()) + "-" + std::to_string(++counter)));
    std::error_code error;
    fs::remove_all(folder.path(), error);
    fs::create_directories(folder.path(), error);
    if (error) {
        return make_error(ErrorKind::Failed, "cannot make " + folder.path().string());
    }
    if (auto written = write_file_atomically(folder.path() / "feed.json", feed_text); !written) {
        return written.error();
    }
    if (auto linked = media.link_into(folder.path()); !linked) {
        return linked.error();
    }
    return folder;
}

ProblemList check_content_folder(const fs::path& folder) {
    BundleCheck check = read_bundle(folder);
    TrustPolicy no_signature;
    no_signature.allow_unsigned = true;
    ProblemList problems = check.ok() ? validate_staged_folder(folder, std::nullopt, no_signature,
                                                               "", check_bundle_images, nullptr)
                                      : std::move(check.problems);
    // Named as the feed names them, not by the studio's work folder.
    problems.strip_prefix(folder.string() + "/");
    return problems;
}

Result<std::vector<TarEntry>> publishable_files(const fs::path& data, const std::string& feed_text,
                                                const MediaLibrary& media) {
    auto folder = make_content_folder(data, feed_text, media);
    if (!folder) {
        return folder.error();
    }
    if (const ProblemList problems = check_content_folder(folder->path()); !problems.empty()) {
        return problems.summary();
    }
    return bundle_folder_files(folder->path());
}

}  // namespace placard
