// placard-soak [DAYS]: a week of a lobby screen on the virtual clock, in well under a minute
// (issue 14): the player's frame function (PlayerFrame) on content whose every banner, article
// and ticker item is scheduled, with screen hours (working days 08:00 to 18:00), a visitor's tap
// every hour of the day, an urgent notice every morning and a warning band every afternoon
// (then cancelled), the content swapped every six hours, and the play log
// recorded and flushed every minute as the player does. It prints, per simulated day, the
// resident memory and the play log's size, and fails when either grows after the second day
// (a leak, or a log that is not pruned): memory by more than 1 MiB, the log by more than 64 KiB
// a day (the hourly sums and visits it keeps for 180 days grow some 10 KiB a day).
//
// It prints too the bytes the process wrote each day (wchar in /proc/self/io: what SQLite hands
// the kernel for the WAL and its checkpoints, before the file system's own metadata), the figure
// that wears an SD card, and the commits an hour (one synced commit a minute).
//
// The clock steps a second a frame (the ticker and crossfades are skipped between frames; the
// per-frame costs are bench.frame_cost's): 604 800 frames for the week, at a small screen size.
// The play log keeps raw plays one day here (the screen keeps 14) so that a week shows its
// steady state; the hourly sums and visits are kept as on a screen.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "player/play_recorder.hpp"
#include "player/player_frame.hpp"
#include "player/snapshot.hpp"
#include "render/headless_display.hpp"
#include "support/changed_demo.hpp"
#include "support/test_fonts.hpp"

namespace placard {
namespace {

namespace fs = std::filesystem;

long resident_kib() {
    std::ifstream statm("/proc/self/statm");
    long size = 0, resident = 0;
    statm >> size >> resident;
    return resident * (::sysconf(_SC_PAGESIZE) / 1024);
}

// The bytes this process has handed to write() and its kind so far (/proc/self/io "wchar").
long long bytes_written() {
    std::ifstream io("/proc/self/io");
    std::string key;
    long long value = 0;
    while (io >> key >> value) {
        if (key == "wchar:") {
            return value;
        }
    }
    return -1;
}

// The demo with every banner, article and ticker item scheduled (office hours, evenings,
// fillers) and screen hours: working days 08:00 to 18:00, a touch wakes it for five minutes.
void scheduled_with_screen_hours(nlohmann::json& feed) {
    testing::schedule_everything(feed);
    feed["screen_hours"] = nlohmann::json::parse(
        R"({"on": {"windows": [{"days": "working_days", "from": "08:00", "to": "18:00"}]},
            "wake_on_touch_minutes": 5})");
}

Notice notice_at(const char* id, WallTime issued, NoticeLevel level, double seconds) {
    Notice notice;
    notice.id = id;
    notice.issued = issued;
    notice.level = level;
    notice.title = level == NoticeLevel::Urgent ? "消防演练" : "";
    notice.text = "今天上午十点举行消防疏散演练。请沿疏散指示标志有序撤离到楼前广场。";
    notice.expires = issued.plus_seconds(seconds);
    return notice;
}

}  // namespace
}  // namespace placard

int main(int argc, char** argv) {
    using namespace placard;
    const int days = argc > 1 ? std::atoi(argv[1]) : 7;
    constexpr int kWidth = 640, kHeight = 360;
    auto first = testing::load_changed_demo(scheduled_with_screen_hours, kWidth, kHeight);
    auto second = testing::load_changed_demo(scheduled_with_screen_hours, kWidth, kHeight);
    if (!first || !second || days < 2) {
        std::fprintf(stderr, "usage: placard-soak [DAYS >= 2] (%s)\n",
                     !first ? first.error().message.c_str() : "");
        return 2;
    }
    const std::shared_ptr<const Snapshot> contents[] = {*first, *second};
    const fs::path dir = fs::temp_directory_path() / ("placard-soak-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    PlayLogLimits limits;
    limits.raw_days = 1;
    auto log = PlayLog::open(dir / "plays.sqlite", limits);
    if (!log) {
        std::fprintf(stderr, "placard-soak: %s\n", log.error().message.c_str());
        return 1;
    }
    HeadlessDisplay display(kWidth, kHeight, 0);
    Canvas canvas = display.canvas();
    PlayerFrame player(testing::test_fonts(), contents[0], 60);
    PlayRecorder recorder(**log);
    // Monday 2026-11-23, 00:00 in UTC+8.
    const WallTime monday = *parse_rfc3339("2026-11-23T00:00:00+08:00");
    const Rect excerpt = contents[0]->home->geometry.excerpt;
    const double tap_x = excerpt.x + excerpt.width / 2.0, tap_y = excerpt.y + excerpt.height / 2.0;
    const auto started = std::chrono::steady_clock::now();
    long frames = 0, painted_frames = 0;
    long day_one_kib = 0;
    std::int64_t day_one_bytes = 0;
    int failures = 0;
    long commits = 0;
    std::printf("%4s %12s %12s %14s %12s %14s\n", "day", "frames", "RSS KiB", "play log bytes",
                "plays", "written KiB");
    for (int day = 0; day < days; ++day) {
        const long long written_before = bytes_written();
        for (int second_of_day = 0; second_of_day < 86400; ++second_of_day) {
            const double t = day * 86400.0 + second_of_day;
            const WallTime now = monday.plus_seconds(t);
            std::vector<PointerEvent> input;
            // A visitor taps the excerpt at ten past every hour, and the tap lifts at once.
            if (second_of_day % 3600 == 600) {
                input.push_back({PointerEvent::Kind::Down, t, tap_x, tap_y});
                input.push_back({PointerEvent::Kind::Up, t, tap_x, tap_y});
            }
            if (second_of_day == 10 * 3600) {
                player.offer_notices(
                    lay_out_notices({notice_at("drill", now, NoticeLevel::Urgent, 300)},
                                    testing::test_fonts(), contents[0]->home->geometry));
            }
            if (second_of_day == 14 * 3600) {
                Notice cancel;
                cancel.id = "drill";
                cancel.issued = now;
                cancel.cancel = true;
                cancel.all_clear = "演练结束。";
                cancel.expires = now.plus_seconds(31.0 * 86400);
                player.offer_notices(
                    lay_out_notices({notice_at("water", now, NoticeLevel::Warning, 3600), cancel},
                                    testing::test_fonts(), contents[0]->home->geometry));
            }
            if (second_of_day % (6 * 3600) == 0 && t > 0) {
                player.offer_content(contents[(second_of_day / (6 * 3600)) % 2]);
            }
            const FrameOutcome outcome = player.frame(t, now, input, canvas);
            ++frames;
            painted_frames += outcome.painted_pixels > 0 ? 1 : 0;
            recorder.after_frame(player, t, static_cast<double>(now.unix_seconds));
            if (second_of_day % 60 == 59) {
                if (auto written = (*log)->flush(now.unix_seconds); !written) {
                    std::fprintf(stderr, "placard-soak: %s\n", written.error().message.c_str());
                    return 1;
                }
                ++commits;
            }
        }
        const long kib = resident_kib();
        const std::int64_t bytes = (*log)->size_bytes();
        const auto plays = (*log)->plays_since(0);
        const long long written_kib = (bytes_written() - written_before) / 1024;
        std::printf("%4d %12ld %12ld %14lld %12zu %14lld\n", day + 1, frames, kib,
                    static_cast<long long>(bytes), plays ? plays->size() : 0, written_kib);
        if (day == 1) {
            day_one_kib = kib;
            day_one_bytes = bytes;
        }
        if (day > 1 && kib > day_one_kib + 1024) {
            std::printf("FAIL: resident memory grew from %ld KiB (day 2) to %ld KiB\n", day_one_kib,
                        kib);
            ++failures;
        }
        if (day > 1 && bytes > day_one_bytes + (day - 1) * 64 * 1024) {
            std::printf("FAIL: the play log grew from %lld bytes (day 2) to %lld\n",
                        static_cast<long long>(day_one_bytes), static_cast<long long>(bytes));
            ++failures;
        }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf(
        "%d simulated days, %ld frames (%ld painted) in %.1f s; play log: %.0f commits an hour\n",
        days, frames, painted_frames, seconds, static_cast<double>(commits) / (days * 24.0));
    fs::remove_all(dir);
    return failures == 0 ? 0 : 1;
}
