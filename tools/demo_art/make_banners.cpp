// placard-demo-art OUT_DIR: draws the demo bundle's four 1900×440 banners for the seed page's
// 首页轮换图 slots and the 475×110 / 355×110 side pair with Placard's own canvas and text engine,
// so the demo ships only images the project made. Run it again after changing the art; the PNGs are
// committed.
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>

#include "render/canvas.hpp"
#include "render/image_file.hpp"
#include "render/text_painter.hpp"
#include "text/font_library.hpp"

namespace {

using namespace placard;

constexpr int kWidth = 1900;
constexpr int kHeight = 440;

Color rgb(double r, double g, double b) {
    const auto channel = [](double v) {
        return static_cast<Color>(std::clamp(static_cast<int>(std::lround(v)), 0, 255));
    };
    return 0xFF000000u | channel(r) << 16 | channel(g) << 8 | channel(b);
}

Color lerp(Color a, Color b, double t) {
    const auto c = [&](int shift) {
        return ((a >> shift) & 0xFF) * (1 - t) + ((b >> shift) & 0xFF) * t;
    };
    return rgb(c(16), c(8), c(0));
}

void paint(Image& image, const std::function<Color(int x, int y)>& shader) {
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            image.pixels[static_cast<std::size_t>(y) * image.width + x] = shader(x, y);
        }
    }
}

void text(Canvas& canvas, GlyphCache& cache, FontLibrary& fonts, FontRole role, int size,
          const std::string& words, float x, float y, Color color) {
    auto face = fonts.chain(role, size);
    if (!face) {
        return;
    }
    ParagraphStyle style;
    style.fonts = *face;
    style.measure = kWidth;
    style.line_height = static_cast<float>(size) * 1.3f;
    draw_paragraph(canvas, cache, layout_paragraph(words, style), x, y, color);
}

// Smooth value in 0..1 for a ridge line: a few sines make hills that do not repeat visibly.
double ridge(double x, double seed) {
    return 0.5 + 0.22 * std::sin(x / 210.0 + seed) + 0.13 * std::sin(x / 97.0 + seed * 2.3) +
           0.06 * std::sin(x / 41.0 + seed * 5.1);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: placard-demo-art OUT_DIR\n");
        return 2;
    }
    const std::string out = argv[1];
    auto fonts = FontLibrary::create();
    if (!fonts) {
        std::fprintf(stderr, "placard-demo-art: %s\n", fonts.error().message.c_str());
        return 1;
    }
    GlyphCache cache;
    const double pi = 3.14159265358979;
    int failures = 0;
    const auto save = [&](const Image& image, const std::string& name) {
        if (auto saved = save_png(image, out + "/" + name); !saved) {
            std::fprintf(stderr, "placard-demo-art: %s\n", saved.error().message.c_str());
            ++failures;
        }
    };

    Image image{kWidth, kHeight, std::vector<std::uint32_t>(kWidth * kHeight)};
    Canvas canvas(image);

    // 1. Party red with a sunburst rising behind the right side.
    paint(image, [&](int x, int y) {
        const double dx = x - 1560.0, dy = y - 520.0;
        const double angle = std::atan2(dy, dx);
        const bool ray = std::fmod(angle + 2 * pi, pi / 14) < pi / 28;
        const Color base = lerp(rgb(206, 17, 38), rgb(132, 0, 8), y / double(kHeight));
        const double glow = std::exp(-std::hypot(dx, dy) / 520.0);
        return lerp(base, ray ? rgb(255, 196, 60) : rgb(236, 70, 40), glow * (ray ? 0.8 : 0.5));
    });
    text(canvas, cache, **fonts, FontRole::Bold, 104, "不忘初心　牢记使命", 120, 110, 0xFFFFD66B);
    text(canvas, cache, **fonts, FontRole::Body, 40, "中共通渭县委组织部", 126, 270, 0xFFFFF1D6);
    save(image, "banner-1.png");

    // 2. A blue sky over layered mountains.
    paint(image, [&](int x, int y) {
        const double v = y / double(kHeight);
        Color color = lerp(rgb(28, 86, 168), rgb(168, 208, 240), v);
        const Color layers[] = {rgb(92, 128, 170), rgb(58, 98, 120), rgb(34, 74, 70)};
        for (int layer = 0; layer < 3; ++layer) {
            const double top = kHeight * (0.35 + 0.17 * layer) + 90 * (ridge(x, layer * 1.7) - 0.5);
            if (y > top) {
                color = layers[layer];
            }
        }
        return color;
    });
    text(canvas, cache, **fonts, FontRole::Bold, 92, "建强机关党支部", 1000, 80, 0xFFFFFFFF);
    text(canvas, cache, **fonts, FontRole::Body, 42, "持之以恒　久久为功", 1006, 210, 0xFFE8F1FF);
    save(image, "banner-2.png");

    // 3. Sunrise over a wheat field.
    paint(image, [&](int x, int y) {
        const double v = y / double(kHeight);
        Color color = lerp(rgb(255, 214, 150), rgb(244, 128, 70), v);
        const double sun = std::hypot(x - 1450.0, y - 250.0);
        if (sun < 120) {
            color = rgb(255, 244, 210);
        } else if (sun < 220) {
            color = lerp(color, rgb(255, 236, 180), (220 - sun) / 100.0 * 0.6);
        }
        const double field = kHeight * 0.72 + 14 * std::sin(x / 160.0);
        if (y > field) {
            const bool furrow = std::fmod(x + (y - field) * 1.6, 46.0) < 9;
            color = furrow ? rgb(170, 108, 30) : rgb(214, 158, 52);
        }
        return color;
    });
    text(canvas, cache, **fonts, FontRole::Bold, 116, "组工文萃", 130, 70, 0xFF8B1014);
    text(canvas, cache, **fonts, FontRole::Body, 44, "学习　思考　实践", 136, 230, 0xFF5A2A10);
    save(image, "banner-3.png");

    // 4. Green terraced hills, the loess plateau in spring.
    paint(image, [&](int x, int y) {
        const double v = y / double(kHeight);
        Color color = lerp(rgb(120, 190, 230), rgb(226, 240, 232), v);
        for (int terrace = 0; terrace < 6; ++terrace) {
            const double top =
                kHeight * (0.30 + 0.12 * terrace) + 40 * (ridge(x * 0.8, terrace * 0.9) - 0.5);
            if (y > top) {
                color = lerp(rgb(96, 160, 72), rgb(40, 104, 48), terrace / 5.0);
            }
        }
        return color;
    });
    text(canvas, cache, **fonts, FontRole::Bold, 84, "通渭县委组织部欢迎您", 110, 60, 0xFFFFFFFF);
    save(image, "banner-4.png");

    // The side slot's pair, at the seed page's 475×110 and 355×110.
    Image side_1{475, 110, std::vector<std::uint32_t>(475 * 110)};
    paint(side_1,
          [&](int x, int y) { return lerp(rgb(196, 30, 36), rgb(150, 12, 20), (x + y) / 585.0); });
    Canvas side_1_canvas(side_1);
    text(side_1_canvas, cache, **fonts, FontRole::Bold, 40, "党员教育　在线学习", 28, 18,
         0xFFFFE08A);
    text(side_1_canvas, cache, **fonts, FontRole::Body, 22, "组工文萃 · 每周更新", 30, 68,
         0xFFFFF1D6);
    save(side_1, "side-1.png");

    Image side_2{355, 110, std::vector<std::uint32_t>(355 * 110)};
    paint(side_2,
          [&](int x, int y) { return lerp(rgb(30, 92, 160), rgb(18, 60, 118), (x + y) / 465.0); });
    Canvas side_2_canvas(side_2);
    text(side_2_canvas, cache, **fonts, FontRole::Bold, 44, "12380", 24, 10, 0xFFFFFFFF);
    text(side_2_canvas, cache, **fonts, FontRole::Body, 24, "组织工作举报电话", 26, 64, 0xFFE8F1FF);
    save(side_2, "side-2.png");

    // The site logo for the header: a red seal with 组 in it.
    Image logo{96, 96, std::vector<std::uint32_t>(96 * 96)};
    paint(logo, [&](int x, int y) {
        const double d = std::hypot(x - 47.5, y - 47.5);
        if (d > 47.5) {
            return Color{0x00FFFFFF};  // Transparent outside the seal.
        }
        return d > 41 ? rgb(164, 22, 26) : d > 37 ? rgb(255, 248, 236) : rgb(178, 24, 30);
    });
    Canvas logo_canvas(logo);
    text(logo_canvas, cache, **fonts, FontRole::Bold, 52, "组", 22, 12, 0xFFFFE7A0);
    save(logo, "logo.png");
    return failures == 0 ? 0 : 1;
}
