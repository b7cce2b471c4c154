#include "render/sdl_window_display.hpp"

#include <SDL.h>

#include <cstring>

#include "render/sdl_kms_fd.hpp"

namespace placard {

Result<std::unique_ptr<SdlWindowDisplay>> SdlWindowDisplay::open(int width, int height,
                                                                 int rotation_degrees,
                                                                 WindowMode mode) {
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        return make_error(std::string("display: cannot start SDL video (") + SDL_GetError() +
                          "); use --screenshot to render without a display");
    }
    // Without X11, Wayland or KMS (a shell over SSH), SDL falls back to a driver that shows
    // nothing: the player would run unseen, using a quarter of a core, until killed. Only a real
    // display, or a driver asked for by name in SDL_VIDEODRIVER, is accepted.
    const char* driver = SDL_GetCurrentVideoDriver();
    const char* asked_for = SDL_getenv("SDL_VIDEODRIVER");
    if (driver && (std::strcmp(driver, "offscreen") == 0 || std::strcmp(driver, "dummy") == 0) &&
        !(asked_for && std::strcmp(asked_for, driver) == 0)) {
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        return make_error(
            "display: none found (no X11, Wayland or KMS display; SDL offered only its invisible "
            "\"" +
            std::string(driver) +
            "\" driver); use --screenshot to render without a display, or set SDL_VIDEODRIVER");
    }
    // On X11 the window surface would otherwise be a GL texture drawn by llvmpipe, which costs
    // ten times the CPU of XShm (ARCHITECTURE.md, "Rendering").
    if (driver && std::strcmp(driver, "x11") == 0) {
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    }
    // KMSDRM has no native framebuffer: SDL presents the window surface as a texture through
    // the first accelerated renderer it has, desktop OpenGL. SDL's KMSDRM driver is written for
    // OpenGL ES (its buffer swap is KMSDRM_GLES_SwapWindow), and with desktop GL every frame
    // reached the display black (virtio-gpu with Mesa, found by tools/boot-test), so the
    // OpenGL ES 2 renderer is asked for by name. SDL_FRAMEBUFFER_ACCELERATION in the
    // environment still wins over this hint.
    if (driver && SDL_strcasecmp(driver, "KMSDRM") == 0) {
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "opengles2");
    }
    std::unique_ptr<SdlWindowDisplay> display(new SdlWindowDisplay());
    display->rotation_ = rotation_degrees;
    Uint32 flags = SDL_WINDOW_SHOWN;
    if (mode == WindowMode::Fullscreen) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    }
    const int window_width = width > 0 ? width : 1920;
    const int window_height = height > 0 ? height : 1080;
    display->window_ = SDL_CreateWindow("Placard", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                        window_width, window_height, flags);
    if (!display->window_) {
        return make_error(std::string("display: cannot open a window (") + SDL_GetError() + ")");
    }
    SDL_ShowCursor(SDL_DISABLE);
    SDL_Surface* surface = SDL_GetWindowSurface(display->window_);
    if (!surface) {
        return make_error(std::string("display: no window surface (") + SDL_GetError() + ")");
    }
    display->panel_width_ = surface->w;
    display->panel_height_ = surface->h;
    const Uint32 format = surface->format->format;
    display->direct_ = rotation_degrees == 0 &&
                       (format == SDL_PIXELFORMAT_ARGB8888 || format == SDL_PIXELFORMAT_RGB888);
    if (!display->direct_) {
        display->offscreen_.width = display->logical_width();
        display->offscreen_.height = display->logical_height();
        display->offscreen_.pixels.assign(
            static_cast<std::size_t>(display->offscreen_.width) * display->offscreen_.height,
            0xFF000000u);
    }
    return display;
}

bool SdlWindowDisplay::on_console() const {
    const char* driver = SDL_GetCurrentVideoDriver();
    return driver && SDL_strcasecmp(driver, "KMSDRM") == 0;
}

int SdlWindowDisplay::kms_fd() const {
    return on_console() ? sdl_kms_fd(window_) : -1;
}

std::string SdlWindowDisplay::description() const {
    const char* driver = SDL_GetCurrentVideoDriver();
    std::string text = std::string(driver ? driver : "unknown") + " " +
                       std::to_string(panel_width_) + "x" + std::to_string(panel_height_);
    if (SDL_Surface* surface = SDL_GetWindowSurface(window_)) {
        std::string format = SDL_GetPixelFormatName(surface->format->format);
        const std::string prefix = "SDL_PIXELFORMAT_";
        text += " " + (format.starts_with(prefix) ? format.substr(prefix.size()) : format);
    }
    // Without a native framebuffer (KMSDRM, Wayland, or X11 with acceleration) SDL presents the
    // window surface through a renderer of its own.
    SDL_RendererInfo info;
    if (SDL_Renderer* renderer = SDL_GetRenderer(window_);
        renderer && SDL_GetRendererInfo(renderer, &info) == 0) {
        text += std::string(" via ") + info.name;
    } else {
        text += " via the native framebuffer";
    }
    return text;
}

SdlWindowDisplay::~SdlWindowDisplay() {
    if (window_) {
        SDL_DestroyWindow(window_);
    }
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

int SdlWindowDisplay::logical_width() const {
    return rotation_ == 90 || rotation_ == 270 ? panel_height_ : panel_width_;
}
int SdlWindowDisplay::logical_height() const {
    return rotation_ == 90 || rotation_ == 270 ? panel_width_ : panel_height_;
}

Canvas SdlWindowDisplay::canvas() {
    if (direct_) {
        SDL_Surface* surface = SDL_GetWindowSurface(window_);
        return Canvas(static_cast<std::uint32_t*>(surface->pixels), surface->w, surface->h,
                      surface->pitch / 4);
    }
    return Canvas(offscreen_);
}

std::pair<double, double> SdlWindowDisplay::to_logical(double x, double y) const {
    const double w = logical_width(), h = logical_height();
    switch (rotation_) {
        case 90:  // Panel (px, py) = (h - 1 - y, x).
            return {y, h - 1 - x};
        case 180:
            return {w - 1 - x, h - 1 - y};
        case 270:  // Panel (px, py) = (y, w - 1 - x).
            return {w - 1 - y, x};
        default:
            return {x, y};
    }
}

Rect SdlWindowDisplay::to_panel(const Rect& r) const {
    const int w = logical_width(), h = logical_height();
    switch (rotation_) {
        case 90:
            return Rect{h - r.bottom(), r.x, r.height, r.width};
        case 180:
            return Rect{w - r.right(), h - r.bottom(), r.width, r.height};
        case 270:
            return Rect{r.y, w - r.right(), r.height, r.width};
        default:
            return r;
    }
}

// Copies one logical rectangle onto the panel surface, turned and converted to its format.
void SdlWindowDisplay::copy_rotated(const Rect& logical) {
    SDL_Surface* surface = SDL_GetWindowSurface(window_);
    const Rect area = logical.intersect(Rect{0, 0, logical_width(), logical_height()});
    const int w = logical_width(), h = logical_height();
    const bool convert = surface->format->format != SDL_PIXELFORMAT_ARGB8888 &&
                         surface->format->format != SDL_PIXELFORMAT_RGB888;
    auto* bytes = static_cast<std::uint8_t*>(surface->pixels);
    for (int y = area.y; y < area.bottom(); ++y) {
        for (int x = area.x; x < area.right(); ++x) {
            int px = x, py = y;
            switch (rotation_) {
                case 90:
                    px = h - 1 - y, py = x;
                    break;
                case 180:
                    px = w - 1 - x, py = h - 1 - y;
                    break;
                case 270:
                    px = y, py = w - 1 - x;
                    break;
                default:
                    break;
            }
            const std::uint32_t pixel =
                offscreen_.pixels[static_cast<std::size_t>(y) * offscreen_.width + x];
            std::uint8_t* target = bytes + static_cast<std::ptrdiff_t>(py) * surface->pitch +
                                   static_cast<std::ptrdiff_t>(px) * surface->format->BytesPerPixel;
            if (!convert) {
                std::memcpy(target, &pixel, 4);
            } else {
                const Uint32 mapped = SDL_MapRGB(surface->format, (pixel >> 16) & 0xFF,
                                                 (pixel >> 8) & 0xFF, pixel & 0xFF);
                std::memcpy(target, &mapped, surface->format->BytesPerPixel);
            }
        }
    }
}

Status SdlWindowDisplay::present(std::span<const Rect> damage) {
    rects_.clear();
    for (const Rect& logical : damage) {
        if (!direct_) {
            copy_rotated(logical);
        }
        const Rect panel = to_panel(logical);
        rects_.push_back(SDL_Rect{panel.x, panel.y, panel.width, panel.height});
    }
    if (SDL_UpdateWindowSurfaceRects(window_, rects_.data(), static_cast<int>(rects_.size())) !=
        0) {
        return make_error(std::string("display: present failed (") + SDL_GetError() + ")");
    }
    return Done{};
}

}  // namespace placard
