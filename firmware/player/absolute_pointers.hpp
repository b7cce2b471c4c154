// Absolute pointing devices on the board's console (KMSDRM): touch panels that report as an
// absolute mouse (ABS_X/ABS_Y with BTN_LEFT, no BTN_TOUCH), graphics tablets without a pen,
// QEMU's USB tablet. SDL 2's evdev driver passes their raw coordinates on as pixels ("FIXME:
// Normalize to input device's reported input range" in SDL_evdev.c), so a tap at the middle of a
// panel whose axes run to 32767 lands in the bottom-right corner. The player reads these devices
// itself and scales each axis by the range the kernel reports (EVIOCGABS). Real touchscreens
// (BTN_TOUCH, multitouch slots) are left to SDL, which scales them right. Found by the boot test
// (tools/boot-test): a tap through QEMU's tablet did not open the article.
#pragma once

#include <string>
#include <vector>

namespace placard {

// One pointer event as a fraction of the panel (0 at the left/top edge, 1 at the right/bottom).
struct PanelPointerEvent {
    enum class Kind { Down, Move, Up };
    Kind kind;
    double x, y;
};

// The state of one device, fed the kernel's events (struct input_event's type, code, value) one
// by one; a report (EV_SYN/SYN_REPORT) gives at most one pointer event. Moves without the
// button held are only remembered: there is no cursor to follow.
class AbsolutePointerState {
  public:
    // The axes' ranges, and where the pointer is when the device is opened (EVIOCGABS's value:
    // the kernel sends an axis only when it changes, so a tap at the same place as the last one
    // brings no position).
    AbsolutePointerState(int min_x, int max_x, int min_y, int max_y, int x = 0, int y = 0);
    void feed(unsigned type, unsigned code, int value, std::vector<PanelPointerEvent>& out);

  private:
    double fraction(int value, int min, int max) const;

    int min_x_, max_x_, min_y_, max_y_;
    int x_ = 0, y_ = 0;
    bool down_ = false;    // The button as of the last report.
    bool button_ = false;  // The button as of the events since.
    bool moved_ = false;
    bool dropped_ = false;  // Events were lost: ignored up to the next report.
};

// The absolute pointing devices under /dev/input, looked for again every few seconds (a panel
// plugged in later is found), read without blocking. Devices SDL handles right are not opened.
class AbsolutePointers {
  public:
    AbsolutePointers() = default;
    ~AbsolutePointers();
    AbsolutePointers(const AbsolutePointers&) = delete;
    AbsolutePointers& operator=(const AbsolutePointers&) = delete;

    // The pointer events that arrived since the last call (valid until the next); now_s is a
    // steady clock in seconds, for the rescans.
    const std::vector<PanelPointerEvent>& poll(double now_s);
    // Whether any such device is open: SDL's mouse events then carry its unscaled coordinates
    // and are to be ignored.
    bool any() const { return !devices_.empty(); }

  private:
    struct Device {
        std::string path;
        int fd;
        AbsolutePointerState state;
    };
    void rescan();

    std::vector<Device> devices_;
    std::vector<std::string> ignored_;  // Looked at and not absolute pointers.
    double next_scan_s_ = -1;
    std::vector<PanelPointerEvent> events_;  // Reused: a frame allocates nothing.
};

}  // namespace placard
