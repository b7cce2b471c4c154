#include "service/bundle_images.hpp"

#include "content/bundle_reader.hpp"
#include "render/image_decoder.hpp"

namespace placard {

std::vector<std::string> check_bundle_images(const std::filesystem::path& bundle_dir,
                                             const Feed& feed) {
    std::vector<std::string> problems;
    long pixels = 0;
    for (const std::string& media : media_paths(feed)) {
        auto image = load_image((bundle_dir / media).string());
        if (!image) {
            problems.push_back(image.error().message);
            continue;
        }
        pixels += static_cast<long>(image->width) * image->height;
        if (pixels > kBundlePixelBudget) {
            break;  // No need to decode the rest to know.
        }
    }
    // The player holds every decoded image of a version at once while it scales them.
    if (problems.empty() && pixels > kBundlePixelBudget) {
        problems.push_back("media: " + std::to_string(pixels) +
                           " pixels in all, more than the budget of " +
                           std::to_string(kBundlePixelBudget) +
                           " a screen can decode at once: use fewer or smaller images");
    }
    return problems;
}

}  // namespace placard
