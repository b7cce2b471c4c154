// placard-tool validate PATH: a bundle folder or a feed.json.
#include <cstdio>
#include <filesystem>

#include "commands.hpp"
#include "content/bundle_reader.hpp"
#include "content/staged_update.hpp"
#include "runtime/log.hpp"
#include "service/bundle_images.hpp"

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
        // Everything the player will read, as a screen's importer checks it: the feed's hashes,
        // layout.json, every image decoded within the limits and the pixel budget.
        TrustPolicy no_signature;
        no_signature.allow_unsigned = true;
        std::error_code error;
        check.problems =
            validate_staged_folder(fs::is_directory(path, error) ? path : path.parent_path(),
                                   std::nullopt, no_signature, "", check_bundle_images, nullptr);
    }
    for (const Error& problem : check.problems) {
        std::printf("%s\n", problem.message.c_str());
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
