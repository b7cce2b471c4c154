#include "player/cec_power.hpp"

#include <fcntl.h>
#include <linux/cec-funcs.h>
#include <linux/cec.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

namespace placard {
namespace {

// An open CEC device, closed when it goes.
class CecDevice {
  public:
    static Result<CecDevice> open(const std::string& path) {
        const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
        if (fd < 0) {
            return make_error(ErrorKind::NotFound,
                              "cannot open (" + std::string(std::strerror(errno)) + ")");
        }
        return CecDevice(fd);
    }
    CecDevice(CecDevice&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    CecDevice& operator=(CecDevice&&) = delete;
    ~CecDevice() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }

    // This adapter's logical address, claiming one as a playback device when it has none.
    Result<std::uint8_t> logical_address() {
        cec_log_addrs addresses{};
        if (::ioctl(fd_, CEC_ADAP_G_LOG_ADDRS, &addresses) != 0) {
            return failure("CEC_ADAP_G_LOG_ADDRS");
        }
        if (addresses.num_log_addrs > 0 && addresses.log_addr[0] != CEC_LOG_ADDR_INVALID) {
            return addresses.log_addr[0];
        }
        cec_log_addrs claim{};
        claim.cec_version = CEC_OP_CEC_VERSION_1_4;
        claim.vendor_id = CEC_VENDOR_ID_NONE;
        claim.num_log_addrs = 1;
        claim.log_addr_type[0] = CEC_LOG_ADDR_TYPE_PLAYBACK;
        claim.primary_device_type[0] = CEC_OP_PRIM_DEVTYPE_PLAYBACK;
        claim.all_device_types[0] = CEC_OP_ALL_DEVTYPE_PLAYBACK;
        std::strncpy(claim.osd_name, "Placard", sizeof claim.osd_name - 1);
        // A TV in standby often drops HDMI hot-plug, and with it the adapter's address: then the
        // messages go out from Unregistered (15), which CEC 1.4 allows for <Image View On>.
        if (::ioctl(fd_, CEC_ADAP_S_LOG_ADDRS, &claim) != 0 || claim.num_log_addrs == 0 ||
            claim.log_addr[0] == CEC_LOG_ADDR_INVALID) {
            return static_cast<std::uint8_t>(CEC_LOG_ADDR_UNREGISTERED);
        }
        return claim.log_addr[0];
    }

    // Sends `message` and, with a reply expected, waits up to a second for it.
    Status transmit(cec_msg& message, const char* what) {
        message.timeout = message.reply != 0 ? 1000 : 0;
        if (::ioctl(fd_, CEC_TRANSMIT, &message) != 0) {
            return failure(what);
        }
        if ((message.tx_status & CEC_TX_STATUS_OK) == 0) {
            return make_error(ErrorKind::Failed,
                              std::string(what) + ": not acknowledged (is a TV connected?)");
        }
        if (message.reply != 0 && (message.rx_status & CEC_RX_STATUS_FEATURE_ABORT) != 0) {
            return make_error(ErrorKind::Failed,
                              std::string(what) + ": the TV does not support it");
        }
        if (message.reply != 0 && (message.rx_status & CEC_RX_STATUS_OK) == 0) {
            return make_error(ErrorKind::Failed, std::string(what) + ": no reply from the TV");
        }
        return Done{};
    }

  private:
    explicit CecDevice(int fd) : fd_(fd) {}
    static Error failure(const char* what) {
        return make_error(ErrorKind::Failed,
                          std::string(what) + " failed (" + std::strerror(errno) + ")");
    }
    int fd_ = -1;
};

}  // namespace

namespace {

// The TV's <Report Power Status>: true on (or turning on), false in standby (or going there).
Result<bool> ask_power_status(CecDevice& device, std::uint8_t from) {
    cec_msg message{};
    cec_msg_init(&message, from, CEC_LOG_ADDR_TV);
    cec_msg_give_device_power_status(&message, 1);
    if (auto sent = device.transmit(message, "<Give Device Power Status>"); !sent) {
        return sent.error();
    }
    std::uint8_t status = CEC_OP_POWER_STATUS_ON;
    cec_ops_report_power_status(&message, &status);
    return status == CEC_OP_POWER_STATUS_ON || status == CEC_OP_POWER_STATUS_TO_ON;
}

}  // namespace

Status CecPower::set_power(bool on) {
    auto device = CecDevice::open(device_);
    if (!device) {
        return device.error();
    }
    auto from = device->logical_address();
    if (!from) {
        return from.error();
    }
    cec_msg message{};
    cec_msg_init(&message, *from, CEC_LOG_ADDR_TV);
    if (on) {
        cec_msg_image_view_on(&message);
    } else {
        cec_msg_standby(&message);
    }
    if (auto sent = device->transmit(message, on ? "<Image View On>" : "<Standby>"); !sent) {
        return sent;
    }
    // A TV takes a few seconds to change: give it up to ten before the state is read back.
    for (int attempt = 0; attempt < 5; ++attempt) {
        auto state = ask_power_status(*device, *from);
        if (state && *state == on) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::seconds(2));
    }
    return Done{};
}

Result<bool> CecPower::power_state() {
    auto device = CecDevice::open(device_);
    if (!device) {
        return device.error();
    }
    auto from = device->logical_address();
    if (!from) {
        return from.error();
    }
    return ask_power_status(*device, *from);
}

}  // namespace placard
