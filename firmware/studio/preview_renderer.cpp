#include "studio/preview_renderer.hpp"

#include <cstdlib>

#include "core/read_file.hpp"
#include "http/request_fields.hpp"
#include "player/player_frame.hpp"
#include "player/snapshot.hpp"
#include "player/virtual_screen.hpp"
#include "render/headless_display.hpp"
#include "runtime/font_setup.hpp"

namespace placard {

namespace {

// Bounded, since a preview holds the renderer while it runs: up to a 4K panel either way up,
// and up to a minute into the content (every frame up to then is drawn, as on a screen).
constexpr int kMinSide = 320;
constexpr int kMaxSide = 3840;
constexpr long kMaxPixels = 3840L * 2160;
constexpr double kMaxSeconds = 60;

std::optional<int> parse_side(std::string_view text) {
    if (text.empty() || text.size() > 5 ||
        text.find_first_not_of("0123456789") != std::string::npos) {
        return std::nullopt;
    }
    const int value = std::atoi(std::string(text).c_str());
    return value >= kMinSide && value <= kMaxSide ? std::optional<int>(value) : std::nullopt;
}

Status read_size(const std::string& text, PreviewRequest& request) {
    const std::size_t x = text.find('x');
    const auto width = x == std::string::npos ? std::nullopt : parse_side(text.substr(0, x));
    const auto height = x == std::string::npos ? std::nullopt : parse_side(text.substr(x + 1));
    if (!width || !height || static_cast<long>(*width) * *height > kMaxPixels) {
        return make_error("size: \"" + text +
                          "\" is not WIDTHxHEIGHT, 320 to 3840 a side, at most 3840×2160");
    }
    request.width = *width;
    request.height = *height;
    return Done{};
}

Status read_seconds(const std::string& text, PreviewRequest& request) {
    char* end = nullptr;
    const double seconds = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() ||
        !(seconds >= 0 && seconds <= kMaxSeconds)) {
        return make_error("at: \"" + text + "\" is not a number of seconds from 0 to 60");
    }
    request.at_s = seconds;
    return Done{};
}

}  // namespace

Result<PreviewRequest> parse_preview_query(std::string_view query) {
    auto fields = parse_form(query);
    if (!fields) {
        return make_error("the query is not well-formed");
    }
    PreviewRequest request;
    for (const auto& [name, value] : *fields) {
        Status read = Done{};
        if (name == "size") {
            read = read_size(value, request);
        } else if (name == "at") {
            read = read_seconds(value, request);
        } else if (name == "time") {
            request.wall_start = parse_rfc3339(value);
            if (!request.wall_start) {
                read = make_error("time: \"" + value + "\" is not an RFC 3339 time");
            }
        } else if (name == "article") {
            request.article = value;
        }
        if (!read) {
            return read.error();
        }
    }
    return request;
}

Result<std::unique_ptr<PreviewRenderer>> PreviewRenderer::open() {
    auto fonts = open_configured_fonts();
    if (!fonts) {
        return fonts.error();
    }
    return std::unique_ptr<PreviewRenderer>(new PreviewRenderer(std::move(*fonts)));
}

Result<std::string> PreviewRenderer::render(const std::filesystem::path& folder,
                                            const PreviewRequest& request,
                                            const std::filesystem::path& scratch_png) {
    std::lock_guard lock(rendering_);
    HeadlessDisplay display(request.width, request.height, 0);
    Canvas canvas = display.canvas();
    auto snapshot = load_snapshot(folder, *fonts_, canvas.width(), canvas.height());
    if (!snapshot) {
        return snapshot.error();
    }
    if (!request.article.empty() && (*snapshot)->feed.find_article(request.article) == nullptr) {
        return make_error(ErrorKind::NotFound, "article: no article \"" + request.article + "\"");
    }
    const WallTime wall_start = request.wall_start.value_or(virtual_start((*snapshot)->feed));
    PlayerFrame player(*fonts_, *snapshot, 60);
    if (!request.article.empty()) {
        player.open_article(request.article, 0);
    }
    run_virtual_clock(player, canvas, wall_start, request.at_s, {});
    if (auto written = display.write_png(scratch_png.string()); !written) {
        return written.error();
    }
    auto png = read_file(scratch_png, 256 * 1024 * 1024);
    std::error_code ignored;
    std::filesystem::remove(scratch_png, ignored);
    return png;
}

}  // namespace placard
