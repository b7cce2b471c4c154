// Reads a content bundle from a folder: DIR/feed.json plus the media it names (DIR/media/…).
//
// Checks everything that can be checked without decoding: the feed parses and validates, every
// path it names stays inside the bundle, is a regular file (not a symlink or device) and is
// within the size limit.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/content_model.hpp"
#include "core/feed_parser.hpp"
#include "core/problem_list.hpp"
#include "core/read_file.hpp"
#include "core/result.hpp"

namespace placard {

struct BundleLimits {
    FeedLimits feed;
    std::uintmax_t max_media_bytes = 16 * 1024 * 1024;
};

struct BundleCheck {
    Feed feed;
    ProblemList problems;  // "where: what", one per problem.
    bool ok() const { return problems.empty(); }
};

// Reads DIR/feed.json and checks the media it names. `dir` may also be a feed.json file itself,
// in which case its folder is the bundle.
BundleCheck read_bundle(const std::filesystem::path& dir, const BundleLimits& limits = {});

// The media paths a feed names (logo, banner images), each once.
std::vector<std::string> media_paths(const Feed& feed);

}  // namespace placard
