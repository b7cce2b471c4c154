#include "core/screen_layout.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace placard {

Result<ScreenLayout> parse_screen_layout(std::string_view json_text, std::string_view origin) {
    using nlohmann::json;
    const std::string where(origin);
    json root;
    try {
        root = json::parse(json_text.begin(), json_text.end());
    } catch (const json::exception& error) {
        return make_error(where + ": not valid JSON (" + error.what() + ")");
    }
    if (!root.is_object() || !root.contains("placard_layout") || root["placard_layout"] != 1) {
        return make_error(where + ": placard_layout: expected 1");
    }
    const auto zones = root.find("zones");
    if (zones == root.end()) {
        return make_error(where + ": zones: missing");
    }
    ScreenLayout layout;
    if (const auto problem = read_layout_zones(*zones, "zones", layout)) {
        return make_error(where + ": " + problem->path + ": " + problem->what);
    }
    return layout;
}

std::optional<ZoneProblem> read_layout_zones(const nlohmann::json& zones, const std::string& path,
                                             ScreenLayout& out) {
    if (!zones.is_object()) {
        return ZoneProblem{path, "expected an object of the six zones"};
    }
    ScreenLayout layout;
    const std::pair<const char*, ZoneFraction*> names[] = {
        {"header", &layout.header},   {"banner", &layout.banner}, {"side", &layout.side},
        {"excerpt", &layout.excerpt}, {"ticker", &layout.ticker}, {"footer", &layout.footer}};
    for (const auto& [name, zone] : names) {
        const std::string zone_path = path + "." + name;
        const auto found = zones.find(name);
        if (found == zones.end()) {
            return ZoneProblem{zone_path, "missing"};
        }
        if (!found->is_array() || found->size() != 4) {
            return ZoneProblem{zone_path, "expected [x, y, width, height]"};
        }
        double values[4];
        for (std::size_t i = 0; i < 4; ++i) {
            if (!(*found)[i].is_number()) {
                return ZoneProblem{zone_path + "[" + std::to_string(i) + "]", "expected a number"};
            }
            values[i] = (*found)[i].get<double>();
        }
        *zone = ZoneFraction{values[0], values[1], values[2], values[3]};
        if (zone->x < 0 || zone->y < 0 || zone->width < 0 || zone->height < 0 ||
            zone->x + zone->width > 1.0001 || zone->y + zone->height > 1.0001) {
            return ZoneProblem{zone_path, "must lie within the screen (fractions 0..1)"};
        }
    }
    for (const auto& item : zones.items()) {
        bool known = false;
        for (const auto& [name, zone] : names) {
            known = known || item.key() == name;
        }
        if (!known) {
            return ZoneProblem{path + "." + item.key(), "unknown zone"};
        }
    }
    out = layout;
    return std::nullopt;
}

}  // namespace placard
