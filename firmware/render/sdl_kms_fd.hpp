// The DRM device of SDL's KMSDRM driver, from SDL_GetWindowWMInfo. Apart because SDL_syswm.h
// brings in X11's headers, whose macros (Status, None, …) clash with this project's names.
#pragma once

struct SDL_Window;

namespace placard {

// The DRM file descriptor SDL opened for `window`, or -1 when it is not on KMSDRM.
int sdl_kms_fd(SDL_Window* window);

}  // namespace placard
