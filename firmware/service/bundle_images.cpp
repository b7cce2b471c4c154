#include "service/bundle_images.hpp"

#include "content/bundle_reader.hpp"
#include "render/image_decoder.hpp"

namespace placard {

ProblemList check_bundle_images(const std::filesystem::path& bundle_dir, const Feed& feed) {
    ProblemList problems;
    long pixels = 0;
    for (const std::string& media : media_paths(feed)) {
        auto image = load_image((bundle_dir / media).string());
        if (!image) {
            problems.add(std::move(image).error());
            continue;
        }
        pixels += static_cast<long>(image->width) * image->height;
        if (pixels > kBundlePixelBudget) {
            break;  // No need to decode the rest to know.
        }
    }
    // The player holds every decoded image of a version at once while it scales them.
    if (problems.empty() && pixels > kBundlePixelBudget) {
        problems.add(make_error(ErrorKind::TooLarge,
                                "media: " + std::to_string(pixels) +
                                    " pixels in all, more than the budget of " +
                                    std::to_string(kBundlePixelBudget) +
                                    " a screen can decode at once: use fewer or smaller images"));
    }
    return problems;
}

}  // namespace placard
