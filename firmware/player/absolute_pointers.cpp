#include "player/absolute_pointers.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <linux/input.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <cstring>

#include "runtime/log.hpp"

namespace placard {

AbsolutePointerState::AbsolutePointerState(int min_x, int max_x, int min_y, int max_y, int x, int y)
    : min_x_(min_x), max_x_(max_x), min_y_(min_y), max_y_(max_y), x_(x), y_(y) {}

double AbsolutePointerState::fraction(int value, int min, int max) const {
    if (max <= min) {
        return 0;
    }
    const double f = (static_cast<double>(value) - min) / (static_cast<double>(max) - min);
    return std::clamp(f, 0.0, 1.0);
}

void AbsolutePointerState::feed(unsigned type, unsigned code, int value,
                                std::vector<PanelPointerEvent>& out) {
    if (dropped_) {
        // The kernel's buffer overflowed (SYN_DROPPED): what follows up to the next report is
        // a partial state (the kernel's input event-codes documentation, EV_SYN). A press whose
        // release was lost must not leave the pointer held down: it is released where it was
        // last seen.
        if (type == EV_SYN && code == SYN_REPORT) {
            dropped_ = false;
            if (down_) {
                out.push_back(PanelPointerEvent{PanelPointerEvent::Kind::Up,
                                                fraction(x_, min_x_, max_x_),
                                                fraction(y_, min_y_, max_y_)});
            }
            down_ = button_ = moved_ = false;
        }
        return;
    }
    if (type == EV_ABS && code == ABS_X) {
        x_ = value;
        moved_ = true;
    } else if (type == EV_ABS && code == ABS_Y) {
        y_ = value;
        moved_ = true;
    } else if (type == EV_KEY && code == BTN_LEFT) {
        button_ = value != 0;
    } else if (type == EV_SYN && code == SYN_REPORT) {
        const double x = fraction(x_, min_x_, max_x_), y = fraction(y_, min_y_, max_y_);
        if (button_ != down_) {
            // A report with both a move and the press (or release) is one event at the new
            // place: the press happens where the finger is.
            out.push_back(PanelPointerEvent{
                button_ ? PanelPointerEvent::Kind::Down : PanelPointerEvent::Kind::Up, x, y});
        } else if (down_ && moved_) {
            out.push_back(PanelPointerEvent{PanelPointerEvent::Kind::Move, x, y});
        }
        down_ = button_;
        moved_ = false;
    } else if (type == EV_SYN && code == SYN_DROPPED) {
        dropped_ = true;
    }
}

namespace {

constexpr double rescan_interval_s = 3;

template <std::size_t Bits>
bool has_bit(const std::array<unsigned long, Bits>& bits, unsigned bit) {
    constexpr unsigned per_word = sizeof(unsigned long) * CHAR_BIT;
    return bit / per_word < bits.size() && (bits[bit / per_word] >> (bit % per_word)) & 1UL;
}

constexpr std::size_t words(unsigned bits) {
    return (bits + sizeof(unsigned long) * CHAR_BIT) / (sizeof(unsigned long) * CHAR_BIT);
}

// The device's axes, when it is an absolute pointer that SDL passes on unscaled: absolute X and
// Y and a left button, but no BTN_TOUCH and no multitouch slots (a touchscreen, which SDL scales
// itself) and no pen (a tablet proper).
bool absolute_pointer_axes(int fd, input_absinfo& x, input_absinfo& y) {
    std::array<unsigned long, words(EV_MAX)> types{};
    std::array<unsigned long, words(KEY_MAX)> keys{};
    std::array<unsigned long, words(ABS_MAX)> axes{};
    if (ioctl(fd, EVIOCGBIT(0, sizeof(types)), types.data()) < 0 ||
        ioctl(fd, EVIOCGBIT(EV_KEY, sizeof(keys)), keys.data()) < 0 ||
        ioctl(fd, EVIOCGBIT(EV_ABS, sizeof(axes)), axes.data()) < 0) {
        return false;
    }
    const bool pointer = has_bit(types, EV_ABS) && has_bit(types, EV_KEY) && has_bit(axes, ABS_X) &&
                         has_bit(axes, ABS_Y) && has_bit(keys, BTN_LEFT);
    const bool handled_by_sdl =
        has_bit(keys, BTN_TOUCH) || has_bit(axes, ABS_MT_SLOT) || has_bit(keys, BTN_TOOL_PEN);
    return pointer && !handled_by_sdl && ioctl(fd, EVIOCGABS(ABS_X), &x) == 0 &&
           ioctl(fd, EVIOCGABS(ABS_Y), &y) == 0 && x.maximum > x.minimum && y.maximum > y.minimum;
}

std::string node_identity(const std::string& path) {
    struct stat info {};
    if (stat(path.c_str(), &info) != 0) {
        return {};
    }
    return path + ":" + std::to_string(info.st_ino) + ":" + std::to_string(info.st_rdev);
}

}  // namespace

AbsolutePointers::~AbsolutePointers() {
    for (const Device& device : devices_) {
        close(device.fd);
    }
}

void AbsolutePointers::rescan() {
    DIR* folder = opendir("/dev/input");
    if (!folder) {
        return;
    }
    std::vector<std::string> seen;
    while (const dirent* entry = readdir(folder)) {
        if (std::strncmp(entry->d_name, "event", 5) != 0) {
            continue;
        }
        const std::string path = std::string("/dev/input/") + entry->d_name;
        const std::string identity = node_identity(path);
        seen.push_back(identity);
        const bool known = std::any_of(devices_.begin(), devices_.end(),
                                       [&](const Device& device) { return device.path == path; }) ||
                           std::find(ignored_.begin(), ignored_.end(), identity) != ignored_.end();
        if (known || identity.empty()) {
            continue;
        }
        // Read-only: the player only reads events (placard.service allows no more).
        const int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        input_absinfo x{}, y{};
        if (fd >= 0 && absolute_pointer_axes(fd, x, y)) {
            std::array<char, 128> name{};
            ioctl(fd, EVIOCGNAME(name.size() - 1), name.data());
            log_info("input: " + path + " (" + name.data() +
                     "), an absolute pointer: read by the "
                     "player, scaled from " +
                     std::to_string(x.minimum) + ".." + std::to_string(x.maximum) + " × " +
                     std::to_string(y.minimum) + ".." + std::to_string(y.maximum));
            devices_.push_back(Device{path, fd,
                                      AbsolutePointerState(x.minimum, x.maximum, y.minimum,
                                                           y.maximum, x.value, y.value)});
            continue;
        }
        if (fd >= 0) {
            close(fd);
            ignored_.push_back(identity);
        }
        // A node that cannot be opened yet (udev still setting its group) is tried again at
        // the next scan.
    }
    closedir(folder);
    // Forget what was ignored and is gone, so that a node reused by another device is looked at.
    std::erase_if(ignored_, [&](const std::string& identity) {
        return std::find(seen.begin(), seen.end(), identity) == seen.end();
    });
}

const std::vector<PanelPointerEvent>& AbsolutePointers::poll(double now_s) {
    events_.clear();
    if (now_s >= next_scan_s_) {
        rescan();
        next_scan_s_ = now_s + rescan_interval_s;
    }
    std::array<input_event, 64> events{};
    for (auto device = devices_.begin(); device != devices_.end();) {
        ssize_t got = 0;
        while ((got = read(device->fd, events.data(), sizeof(events))) > 0) {
            for (std::size_t i = 0; i < static_cast<std::size_t>(got) / sizeof(input_event); ++i) {
                device->state.feed(events[i].type, events[i].code, events[i].value, events_);
            }
        }
        if (got < 0 && errno != EAGAIN && errno != EINTR) {
            // Unplugged (ENODEV): closed, and found again if it comes back.
            log_info("input: " + device->path + " is gone");
            close(device->fd);
            device = devices_.erase(device);
            continue;
        }
        ++device;
    }
    return events_;
}

}  // namespace placard
