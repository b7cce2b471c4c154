// The demo bundle with its feed.json changed by a test (a schedule on everything, screen hours,
// a scheduled layout), loaded as the player loads a bundle: copied to a folder of its own,
// changed, loaded, and the folder removed.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "player/snapshot.hpp"
#include "support/test_fonts.hpp"

namespace placard::testing {

inline Result<std::shared_ptr<const Snapshot>> load_changed_demo(
    const std::function<void(nlohmann::json&)>& change, int width, int height) {
    namespace fs = std::filesystem;
    static std::atomic<int> copies{0};
    const fs::path dir = fs::temp_directory_path() / ("placard-demo-" + std::to_string(::getpid()) +
                                                      "-" + std::to_string(++copies));
    fs::remove_all(dir);
    fs::copy(PLACARD_SOURCE_DIR "/assets/demo", dir, fs::copy_options::recursive);
    nlohmann::json feed;
    std::ifstream(dir / "feed.json") >> feed;
    change(feed);
    std::ofstream(dir / "feed.json") << feed.dump();
    auto loaded = load_snapshot(dir, test_fonts(), width, height);
    fs::remove_all(dir);
    return loaded;
}

// Every main and side banner, article and ticker item scheduled: office hours on working days
// (priority 1), shorter hours on rest days, evenings, and fillers, following an office calendar.
inline void schedule_everything(nlohmann::json& feed) {
    const auto office = nlohmann::json::parse(
        R"({"windows": [{"days": "working_days", "from": "08:00", "to": "18:00"},
                        {"days": "rest_days", "from": "09:00", "to": "17:00"}], "priority": 1})");
    const auto evenings = nlohmann::json::parse(
        R"({"windows": [{"days": "every_day", "from": "18:00", "to": "08:00"}]})");
    int i = 0;
    for (auto& banner : feed["banners"]) {
        banner["schedule"] = i++ % 3 == 2 ? nlohmann::json::parse(R"({"filler": true})")
                                          : (i % 2 == 0 ? office : evenings);
    }
    for (auto& article : feed["articles"]) {
        article["schedule"] = i++ % 2 == 0 ? office : evenings;
    }
    nlohmann::json ticker = nlohmann::json::array();
    for (const auto& item : feed["ticker"]) {
        ticker.push_back({{"text", item}, {"schedule", i++ % 2 == 0 ? office : evenings}});
    }
    feed["ticker"] = ticker;
    feed["calendars"] = nlohmann::json::parse(R"({"office": {"holidays": ["2026-10-01"]}})");
}

}  // namespace placard::testing
