#include "player/reading_screen_cache.hpp"

#include <utility>
#include <vector>

namespace placard {

ReadingScreenCache::ReadingScreenCache(FontLibrary& fonts, std::size_t byte_budget)
    : fonts_(fonts), byte_budget_(byte_budget), worker_([this] { run(); }) {}

ReadingScreenCache::~ReadingScreenCache() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    worker_.join();
}

void ReadingScreenCache::prepare(std::shared_ptr<const Snapshot> snapshot) {
    // The old screens and snapshot are let go after the lock is released: freeing megabytes of
    // layouts must not hold up a tap's find() or the worker.
    std::map<std::string, std::shared_ptr<const ReadingScreenLayout>> old_screens;
    std::shared_ptr<const Snapshot> old_snapshot = std::move(snapshot);
    {
        std::lock_guard lock(mutex_);
        std::swap(snapshot_, old_snapshot);
        std::swap(screens_, old_screens);
        bytes_ = 0;
        done_ = false;
    }
    changed_.notify_all();
}

std::shared_ptr<const ReadingScreenLayout> ReadingScreenCache::find(const Snapshot& snapshot,
                                                                    const std::string& key) const {
    std::lock_guard lock(mutex_);
    if (snapshot_.get() != &snapshot) {
        return nullptr;
    }
    const auto found = screens_.find(key);
    return found == screens_.end() ? nullptr : found->second;
}

bool ReadingScreenCache::wait_until_done(std::chrono::steady_clock::duration deadline) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, deadline, [this] { return done_; });
}

std::size_t ReadingScreenCache::bytes() const {
    std::lock_guard lock(mutex_);
    return bytes_;
}

std::size_t ReadingScreenCache::screens() const {
    std::lock_guard lock(mutex_);
    return screens_.size();
}

void ReadingScreenCache::rasterize_ahead(const ReadingScreenLayout& screen) {
    for_each_glyph(screen, [&](const PositionedGlyph& glyph) {
        if (glyph.face == nullptr) {
            return;
        }
        const std::uint64_t key = glyph_key(*glyph.face, glyph.glyph);
        if (glyphs_.offered(key)) {
            return;
        }
        // Nothing is offered for a font the worker cannot open as the render thread did: the
        // render thread draws those glyphs itself.
        if (std::optional<GlyphBitmap> bitmap = rasterizer_.rasterize(*glyph.face, glyph.glyph)) {
            glyphs_.offer(key, std::move(*bitmap));
        }
    });
}

void ReadingScreenCache::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        changed_.wait(lock, [this] { return stopping_ || !done_; });
        if (stopping_) {
            return;
        }
        std::shared_ptr<const Snapshot> snapshot = snapshot_;
        std::vector<std::string> keys;
        for (const Article& article : snapshot->feed.articles) {
            keys.push_back("a:" + article.id);
        }
        for (const Channel& channel : snapshot->feed.channels) {
            keys.push_back("c:" + channel.id);
        }
        for (const std::string& key : keys) {
            lock.unlock();
            auto built =
                build_reading_screen(snapshot->feed, key, snapshot->home->geometry, fonts_);
            lock.lock();
            if (stopping_ || snapshot_ != snapshot) {
                break;  // A newer snapshot came: start over with it.
            }
            if (!built) {
                continue;  // Reported when a visitor opens it (laid out again then).
            }
            const std::size_t size = approximate_bytes(**built);
            if (bytes_ + size > byte_budget_) {
                break;  // The rest are laid out when opened.
            }
            bytes_ += size;
            std::shared_ptr<const ReadingScreenLayout> screen = std::move(built.value());
            screens_.emplace(key, screen);
            lock.unlock();
            rasterize_ahead(*screen);
            lock.lock();
            if (stopping_ || snapshot_ != snapshot) {
                break;
            }
        }
        if (snapshot_ == snapshot) {
            done_ = true;
            changed_.notify_all();
        }
        // If this was the last hold on a replaced snapshot, it is freed without the lock.
        lock.unlock();
        snapshot.reset();
        lock.lock();
    }
}

}  // namespace placard
