#include "app/bundle_images.hpp"

#include "content/bundle_reader.hpp"
#include "render/image_decoder.hpp"

namespace placard {

std::vector<std::string> check_bundle_images(const std::filesystem::path& bundle_dir,
                                             const Feed& feed) {
    std::vector<std::string> problems;
    for (const std::string& media : media_paths(feed)) {
        if (auto image = load_image((bundle_dir / media).string()); !image) {
            problems.push_back(image.error().message);
        }
    }
    return problems;
}

}  // namespace placard
