#include "player/drm_power.hpp"

#include <xf86drm.h>
#include <xf86drmMode.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace placard {
namespace {

struct FreeResources {
    void operator()(drmModeRes* resources) const { drmModeFreeResources(resources); }
};
struct FreeConnector {
    void operator()(drmModeConnector* connector) const { drmModeFreeConnector(connector); }
};
struct FreeProperty {
    void operator()(drmModePropertyRes* property) const { drmModeFreeProperty(property); }
};

}  // namespace

Status DrmPower::find_connector() {
    if (connector_ != 0) {
        return Done{};
    }
    std::unique_ptr<drmModeRes, FreeResources> resources(drmModeGetResources(fd_));
    if (!resources) {
        return make_error(ErrorKind::NotFound, "no KMS resources (not the KMS master?)");
    }
    for (int i = 0; i < resources->count_connectors; ++i) {
        std::unique_ptr<drmModeConnector, FreeConnector> connector(
            drmModeGetConnector(fd_, resources->connectors[i]));
        if (!connector || connector->connection != DRM_MODE_CONNECTED) {
            continue;
        }
        for (int p = 0; p < connector->count_props; ++p) {
            std::unique_ptr<drmModePropertyRes, FreeProperty> property(
                drmModeGetProperty(fd_, connector->props[p]));
            if (property && std::strcmp(property->name, "DPMS") == 0) {
                connector_ = connector->connector_id;
                dpms_property_ = property->prop_id;
                connector_name_ =
                    std::string(drmModeGetConnectorTypeName(connector->connector_type)) + "-" +
                    std::to_string(connector->connector_type_id);
                return Done{};
            }
        }
    }
    return make_error(ErrorKind::NotFound, "no connected connector with a DPMS property");
}

Status DrmPower::set_power(bool on) {
    if (auto found = find_connector(); !found) {
        return found;
    }
    if (drmModeConnectorSetProperty(fd_, connector_, dpms_property_,
                                    on ? DRM_MODE_DPMS_ON : DRM_MODE_DPMS_OFF) != 0) {
        return make_error(ErrorKind::Failed,
                          std::string("setting DPMS failed (") + std::strerror(errno) + ")");
    }
    return Done{};
}

Result<bool> DrmPower::power_state() {
    if (auto found = find_connector(); !found) {
        return found.error();
    }
    std::unique_ptr<drmModeConnector, FreeConnector> connector(
        drmModeGetConnector(fd_, connector_));
    if (!connector) {
        return make_error(ErrorKind::Failed, "the connector is gone");
    }
    for (int p = 0; p < connector->count_props; ++p) {
        if (connector->props[p] == dpms_property_) {
            return connector->prop_values[p] == DRM_MODE_DPMS_ON;
        }
    }
    return make_error(ErrorKind::Failed, "the connector has no DPMS value");
}

}  // namespace placard
