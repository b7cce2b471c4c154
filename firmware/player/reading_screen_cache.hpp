// Reading screens (whole articles, channel lists) laid out ahead on a worker thread, so that a
// tap that opens one finds it ready instead of laying it out on the render thread (issue 13:
// nothing blocks the render thread). Bounded by bytes: past the budget, the remaining screens
// are laid out when opened, as before.
//
// Laying out on another thread is safe: shaping uses HarfBuzz's own OpenType functions on
// immutable fonts. The worker also rasterizes each screen's glyphs ahead, with FreeType faces of
// its own (a GlyphRasterizer), into prerasterized(), which the render thread's glyph cache takes
// from: opening an article then calls FreeType for none of its glyphs.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "player/snapshot.hpp"
#include "render/reading_screens.hpp"
#include "text/glyph_cache.hpp"
#include "text/glyph_rasterizer.hpp"

namespace placard {

class ReadingScreenCache {
  public:
    ReadingScreenCache(FontLibrary& fonts, std::size_t byte_budget);
    ~ReadingScreenCache();
    ReadingScreenCache(const ReadingScreenCache&) = delete;
    ReadingScreenCache& operator=(const ReadingScreenCache&) = delete;

    // Starts laying out the screens of `snapshot` — its articles in feed order, then its
    // channels — and lets go of those of the snapshot before.
    void prepare(std::shared_ptr<const Snapshot> snapshot);
    // The screen `key` ("a:ID", "c:ID") of `snapshot` if it is laid out, else null.
    std::shared_ptr<const ReadingScreenLayout> find(const Snapshot& snapshot,
                                                    const std::string& key) const;
    // Waits until the worker has laid out all it will for the snapshot prepared last, or
    // `deadline` passes (tests and benchmarks; the player never waits).
    bool wait_until_done(std::chrono::steady_clock::duration deadline) const;
    std::size_t bytes() const;
    std::size_t screens() const;
    // The glyphs rasterized ahead, for the render thread's GlyphCache::take_from.
    PrerasterizedGlyphs& prerasterized() { return glyphs_; }

  private:
    void run();
    void rasterize_ahead(const ReadingScreenLayout& screen);

    FontLibrary& fonts_;
    const std::size_t byte_budget_;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    bool stopping_ = false;
    bool done_ = true;
    std::shared_ptr<const Snapshot> snapshot_;
    std::map<std::string, std::shared_ptr<const ReadingScreenLayout>> screens_;
    std::size_t bytes_ = 0;
    // Glyphs waiting for the render thread: 8 MiB is the render cache's own size, about 7000
    // glyphs of body text at 1080p.
    PrerasterizedGlyphs glyphs_{std::size_t{8} << 20};
    GlyphRasterizer rasterizer_;  // The worker's own FreeType faces.
    std::thread worker_;          // Last: started once the members it uses exist.
};

}  // namespace placard
