// placard-image-diff REFERENCE ACTUAL [--tolerance N] [--max-fraction F] [--diff OUT.png]
//
// Compares two PNGs of the same size pixel by pixel. A pixel differs when any channel is off by
// more than N (default 0); the images match when at most F of the pixels differ (default 0: no
// pixel may be anything). Like libass's compare tool, no part of the picture is exempt: a
// missing glyph, a wrong clock digit or a dropped "……" is a few hundred pixels of a 2-megapixel
// screen, and an allowance of a fraction of pixels (this tool's old default, 0.2 %) let them
// all through. Exit 0 match, 1 mismatch, 2 unreadable input.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "render/image_file.hpp"

int main(int argc, char** argv) {
    using namespace placard;
    if (argc < 3) {
        std::fprintf(stderr,
                     "usage: placard-image-diff REFERENCE ACTUAL [--tolerance N] "
                     "[--max-fraction F] [--diff OUT.png]\n");
        return 2;
    }
    int tolerance = 0;
    double max_fraction = 0;
    std::string diff_path;
    for (int i = 3; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--tolerance") {
            tolerance = std::atoi(argv[i + 1]);
        } else if (option == "--max-fraction") {
            max_fraction = std::atof(argv[i + 1]);
        } else if (option == "--diff") {
            diff_path = argv[i + 1];
        } else {
            std::fprintf(stderr, "placard-image-diff: unknown option %s\n", option.c_str());
            return 2;
        }
    }
    auto reference = load_image(argv[1]);
    auto actual = load_image(argv[2]);
    if (!reference || !actual) {
        std::fprintf(stderr, "placard-image-diff: %s\n",
                     (!reference ? reference : actual).error().message.c_str());
        return 2;
    }
    if (reference->width != actual->width || reference->height != actual->height) {
        std::fprintf(stderr, "placard-image-diff: sizes differ: %dx%d vs %dx%d\n", reference->width,
                     reference->height, actual->width, actual->height);
        return 1;
    }
    Image diff = *reference;
    std::size_t differing = 0;
    int worst = 0;
    for (std::size_t i = 0; i < reference->pixels.size(); ++i) {
        int largest = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            const int a = static_cast<int>((reference->pixels[i] >> shift) & 0xFF);
            const int b = static_cast<int>((actual->pixels[i] >> shift) & 0xFF);
            largest = std::max(largest, std::abs(a - b));
        }
        worst = std::max(worst, largest);
        if (largest > tolerance) {
            ++differing;
            diff.pixels[i] = 0xFFFF00FF;
        }
    }
    const double fraction =
        static_cast<double>(differing) / static_cast<double>(reference->pixels.size());
    std::printf("differing pixels: %zu (%.4f%%), largest channel difference: %d\n", differing,
                fraction * 100, worst);
    if (!diff_path.empty() && differing > 0) {
        (void)save_png(diff, diff_path);
    }
    return fraction <= max_fraction ? 0 : 1;
}
