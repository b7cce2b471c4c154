#include "render/sdl_kms_fd.hpp"

#include <SDL.h>
#include <SDL_syswm.h>

namespace placard {

int sdl_kms_fd(SDL_Window* window) {
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_KMSDRM) {
        return -1;
    }
    return info.info.kmsdrm.drm_fd;
}

}  // namespace placard
