#include "content/bundle_reader.hpp"

#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>

namespace placard {

namespace fs = std::filesystem;

namespace {

// The first folder on the way to `relative` inside `dir` that is a symbolic link, if any: a
// bundle's media/ linked to /etc would otherwise be read, packed and shown from outside it.
std::optional<std::string> symlinked_folder(const fs::path& dir, const std::string& relative) {
    fs::path walked;
    const fs::path path(relative);
    for (auto part = path.begin(); part != path.end(); ++part) {
        if (std::next(part) == path.end()) {
            break;  // The file itself is checked by the caller.
        }
        walked /= *part;
        std::error_code error;
        if (fs::is_symlink(fs::symlink_status(dir / walked, error))) {
            return walked.string();
        }
    }
    return std::nullopt;
}

}  // namespace

std::vector<std::string> media_paths(const Feed& feed) {
    std::vector<std::string> paths;
    std::set<std::string> seen;
    const auto add = [&](const std::string& path) {
        if (!path.empty() && seen.insert(path).second) {
            paths.push_back(path);
        }
    };
    add(feed.site.logo);
    for (const Banner& banner : feed.banners) {
        add(banner.image);
    }
    return paths;
}

BundleCheck read_bundle(const fs::path& dir_or_feed, const BundleLimits& limits) {
    BundleCheck check;
    std::error_code error;
    fs::path dir = dir_or_feed;
    fs::path feed_path = dir / "feed.json";
    if (fs::is_regular_file(dir_or_feed, error)) {
        feed_path = dir_or_feed;
        dir = dir_or_feed.parent_path();
    } else if (!fs::is_directory(dir_or_feed, error)) {
        check.problems.add(make_error(ErrorKind::NotFound,
                                      dir_or_feed.string() + ": no such folder or feed file"));
        return check;
    }
    auto text = read_file(feed_path, limits.feed.max_feed_bytes);
    if (!text) {
        check.problems.add(std::move(text).error());
        return check;
    }
    FeedParseOutcome parsed = parse_feed(*text, feed_path.filename().string(), limits.feed);
    check.problems = std::move(parsed.problems);
    check.feed = std::move(parsed.feed);
    if (!check.ok()) {
        return check;
    }
    for (const std::string& relative : media_paths(check.feed)) {
        const fs::path full = dir / relative;
        const auto link = fs::symlink_status(full, error);
        if (const auto linked_folder = symlinked_folder(dir, relative)) {
            check.problems.add(relative + ": " + *linked_folder +
                               " is a symbolic link (not allowed in a bundle)");
        } else if (error || !fs::exists(link)) {
            check.problems.add(
                make_error(ErrorKind::NotFound, relative + ": no such file in the bundle"));
        } else if (fs::is_symlink(link)) {
            check.problems.add(relative + ": is a symbolic link (not allowed in a bundle)");
        } else if (!fs::is_regular_file(link)) {
            check.problems.add(relative + ": not a regular file");
        } else if (fs::file_size(full, error) > limits.max_media_bytes) {
            check.problems.add(make_error(
                ErrorKind::TooLarge,
                relative + ": larger than " + std::to_string(limits.max_media_bytes) + " bytes"));
        }
    }
    return check;
}

}  // namespace placard
