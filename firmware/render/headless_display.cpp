#include "render/headless_display.hpp"

#include "render/image_file.hpp"

namespace placard {

HeadlessDisplay::HeadlessDisplay(int width, int height, int rotation_degrees)
    : rotation_(rotation_degrees) {
    const bool quarter = rotation_degrees == 90 || rotation_degrees == 270;
    logical_.width = quarter ? height : width;
    logical_.height = quarter ? width : height;
    logical_.pixels.assign(static_cast<std::size_t>(width) * height, 0xFF000000u);
}

Status HeadlessDisplay::write_png(const std::string& path) const {
    if (rotation_ == 0) {
        return save_png(logical_, path);
    }
    return save_png(rotate_clockwise(logical_, rotation_), path);
}

}  // namespace placard
