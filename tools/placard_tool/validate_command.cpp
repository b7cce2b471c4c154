// placard-tool validate PATH: a bundle folder or a feed.json.
#include <cstdio>
#include <filesystem>

#include "app/bundle_images.hpp"
#include "app/log.hpp"
#include "commands.hpp"
#include "content/bundle_reader.hpp"

namespace placard::tool {

int validate_command(const Arguments& arguments) {
    if (arguments.size() != 1 || arguments[0].starts_with("--")) {
        log_error("validate: usage: validate PATH (a bundle folder or a feed.json)");
        return 2;
    }
    namespace fs = std::filesystem;
    const fs::path path = arguments[0];
    BundleCheck check = read_bundle(path);
    if (check.ok()) {
        // Decoding proves the images are what they claim and within the size limits.
        check.problems =
            check_bundle_images(fs::is_directory(path) ? path : path.parent_path(), check.feed);
    }
    for (const std::string& problem : check.problems) {
        std::printf("%s\n", problem.c_str());
    }
    if (!check.ok()) {
        return 1;
    }
    std::printf("%s: ok (version %lld, %zu articles, %zu banners)\n", path.string().c_str(),
                static_cast<long long>(check.feed.version), check.feed.articles.size(),
                check.feed.banners.size());
    return 0;
}

}  // namespace placard::tool
