// A feed made into a bundle folder the way screens read one — DATA/work/NAME/feed.json, with
// every library image hard-linked under media/ — so that the studio checks, previews and
// publishes content through the screens' own code: the same feed parser, the same image
// decoding and pixel budget, the same layout.
#pragma once

#include <filesystem>
#include <string>

#include "content/tar_archive.hpp"
#include "core/problem_list.hpp"
#include "core/result.hpp"
#include "studio/media_library.hpp"

namespace placard {

// A folder that removes itself when it goes.
class ContentFolder {
  public:
    explicit ContentFolder(std::filesystem::path path) : path_(std::move(path)) {}
    ~ContentFolder();
    ContentFolder(ContentFolder&& other) noexcept : path_(std::move(other.path_)) {
        other.path_.clear();
    }
    ContentFolder(const ContentFolder&) = delete;
    ContentFolder& operator=(const ContentFolder&) = delete;
    ContentFolder& operator=(ContentFolder&&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

Result<ContentFolder> make_content_folder(const std::filesystem::path& data,
                                          const std::string& feed_text, const MediaLibrary& media);
// What a screen would refuse in the folder, one "where: what" line each; empty when a screen
// takes it (the feed, its layout, every image it names decoded within the limits).
ProblemList check_content_folder(const std::filesystem::path& folder);

// The files to publish for a feed: its folder made, checked (the first problems summed up in
// one line when a screen would refuse it) and read whole (feed.json and the media it names).
Result<std::vector<TarEntry>> publishable_files(const std::filesystem::path& data,
                                                const std::string& feed_text,
                                                const MediaLibrary& media);

}  // namespace placard
