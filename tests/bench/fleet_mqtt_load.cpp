// placard-fleet-mqtt-load: simulated screens through an MQTT broker, for issue 16's load test
// and its command latency benchmark.
//
//   placard-fleet-mqtt-load BROKER_URL KEYS FIRST COUNT INTERVAL ROUNDS COMMAND_FILE
//       the screens FIRST…FIRST+COUNT-1 of KEYS (placard-fleet-load keys) connect to the broker
//       as screens do (a signed will, a signed retained online flag, their commands topic),
//       report ROUNDS times, each round spread evenly over INTERVAL seconds, then all drop
//       and reconnect at once (a power cut's end), each reporting as it is back. Each screen
//       notes when its first command arrives; COMMAND_FILE, written by whoever asked the studio
//       for the command, holds when that was (unix seconds, fractions). Prints one JSON line:
//       reports published and taken by the broker, connections, the burst's time, the
//       command's latency to each screen.
//
// One client is one thread and three file descriptors here, and libmosquitto's loop uses
// select(), which cannot watch a descriptor past 1024: a thousand screens are four processes of
// 250 (fleet_load.sh). Bounded: COUNT at most 300, ROUNDS at most 10, INTERVAL at most 120 s.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "content/fleet_messages.hpp"
#include "mqtt/mqtt_client.hpp"
#include "simulated_report.hpp"

namespace {

using namespace placard;
using Clock = std::chrono::steady_clock;

double unix_now() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

struct Screen {
    SigningKey key;
    std::string hex, name, session;
    std::unique_ptr<MqttClient> client;
    std::atomic<double> command_at{0};
    std::uint64_t taken_before = 0;  // Of clients dropped in the burst.
};

void connect(Screen& screen, const MqttUrl& url) {
    MqttClient::Options options;
    options.url = url;
    options.client_id = "placard-sim-" + screen.hex.substr(0, 24);
    options.will_topic = fleet_topic(screen.hex, "online");
    options.will_payload = signed_message(
        online_flag_text(screen.hex, false, screen.session, std::time(nullptr)), screen.key);
    options.most_message_bytes = 8 * 1024;
    options.on_connect = [&screen](MqttClient& client) {
        client.publish(
            fleet_topic(screen.hex, "online"),
            signed_message(online_flag_text(screen.hex, true, screen.session, std::time(nullptr)),
                           screen.key),
            1, true);
        client.subscribe(fleet_topic(screen.hex, "commands"), 1);
        // Reported as soon as it is (back) on the broker, as the content service does.
        client.publish(fleet_topic(screen.hex, "status"),
                       signed_message(simulated_report(screen.key, screen.name, std::time(nullptr)),
                                      screen.key),
                       1, false);
    };
    options.on_message = [&screen](const std::string& /*topic*/, const std::string& /*payload*/) {
        double none = 0;
        screen.command_at.compare_exchange_strong(none, unix_now());
    };
    auto started = MqttClient::start(std::move(options));
    if (started) {
        screen.client = std::move(*started);
    }
}

bool all_connected(const std::vector<std::unique_ptr<Screen>>& screens, double seconds) {
    const auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
    while (Clock::now() < deadline) {
        if (std::all_of(screens.begin(), screens.end(), [](const auto& screen) {
                return screen->client && screen->client->connected();
            })) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

int run(const MqttUrl& url, const std::string& file, int first, int count, int interval, int rounds,
        const std::string& command_file) {
    std::vector<std::unique_ptr<Screen>> screens;
    std::ifstream secrets(file);
    int line_number = 0;
    for (std::string line; std::getline(secrets, line); ++line_number) {
        if (line_number < first || line_number >= first + count) {
            continue;
        }
        auto key = parse_secret_key(line, file);
        if (!key) {
            std::fprintf(stderr, "placard-fleet-mqtt-load: %s\n", key.error().message.c_str());
            return 1;
        }
        auto screen = std::make_unique<Screen>();
        screen->key = *key;
        screen->hex = public_key_hex(key->public_key);
        screen->name = "模拟终端" + std::to_string(line_number + 1);
        screen->session = "sim" + std::to_string(line_number);
        screens.push_back(std::move(screen));
    }
    const auto connect_all = [&] {
        for (auto& screen : screens) {
            connect(*screen, url);
        }
    };
    connect_all();
    const bool connected = all_connected(screens, 120);
    long published = static_cast<long>(screens.size());  // The first reports, on connect.
    long not_connected = 0;
    const auto began = Clock::now();
    for (int round = 0; round < rounds; ++round) {
        for (std::size_t i = 0; i < screens.size(); ++i) {
            std::this_thread::sleep_until(
                began + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(
                            interval * (round + static_cast<double>(i) /
                                                    static_cast<double>(screens.size())))));
            Screen& screen = *screens[i];
            if (screen.client->publish(
                    fleet_topic(screen.hex, "status"),
                    signed_message(simulated_report(screen.key, screen.name, std::time(nullptr)),
                                   screen.key),
                    1, false)) {
                ++published;
            } else {
                ++not_connected;
            }
        }
    }
    // A report is ordered by the second it was sent: the burst starts at the next one.
    const std::time_t last_round = std::time(nullptr);
    while (std::time(nullptr) <= last_round + 1) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    // Everyone drops (no goodbye: their wills) and comes back at once.
    for (auto& screen : screens) {
        screen->taken_before += screen->client->taken();
        screen->client.reset();
    }
    const auto burst = Clock::now();
    const double burst_started = unix_now();
    connect_all();
    const bool reconnected = all_connected(screens, 120);
    published += static_cast<long>(screens.size());
    const double burst_s = std::chrono::duration<double>(Clock::now() - burst).count();
    // What the broker took: the online flags and reports (two a connection) and the rounds'.
    const long expected_taken = published + 2 * static_cast<long>(screens.size());
    long taken = 0;
    for (const auto deadline = Clock::now() + std::chrono::seconds(60); Clock::now() < deadline;
         std::this_thread::sleep_for(std::chrono::milliseconds(50))) {
        taken = 0;
        for (const auto& screen : screens) {
            taken += static_cast<long>(screen->taken_before + screen->client->taken());
        }
        if (taken >= expected_taken) {
            break;
        }
    }
    // The studio's command, asked for while the screens reported (fleet_load.sh).
    double asked = 0;
    std::ifstream(command_file) >> asked;
    std::vector<double> latencies_ms;
    for (const auto& screen : screens) {
        if (asked > 0 && screen->command_at > 0) {
            latencies_ms.push_back((screen->command_at - asked) * 1000);
        }
    }
    std::sort(latencies_ms.begin(), latencies_ms.end());
    const auto at = [&](double q) {
        return latencies_ms.empty()
                   ? 0.0
                   : latencies_ms[std::min(
                         latencies_ms.size() - 1,
                         static_cast<std::size_t>(q * static_cast<double>(latencies_ms.size())))];
    };
    nlohmann::ordered_json out;
    out["screens"] = screens.size();
    out["connected"] = connected && reconnected;
    out["published"] = published;
    out["not_connected"] = not_connected;
    out["taken_by_broker"] = taken;
    out["expected_taken"] = expected_taken;
    out["bytes_per_report"] =
        signed_message(
            simulated_report(screens.front()->key, screens.front()->name, std::time(nullptr)),
            screens.front()->key)
            .size();
    out["burst_seconds"] = burst_s;
    out["burst_started"] = burst_started;
    out["commands_received"] = latencies_ms.size();
    out["command_ms"] = latencies_ms;
    out["command_ms_p50"] = at(0.5);
    out["command_ms_p95"] = at(0.95);
    out["command_ms_max"] = latencies_ms.empty() ? 0.0 : latencies_ms.back();
    std::printf("%s\n", out.dump().c_str());
    screens.clear();
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 7) {
        auto url = parse_mqtt_url(args[0]);
        const int first = std::atoi(args[2].c_str()), count = std::atoi(args[3].c_str());
        const int interval = std::atoi(args[4].c_str()), rounds = std::atoi(args[5].c_str());
        if (!url || first < 0 || count < 1 || count > 300 || interval < 1 || interval > 120 ||
            rounds < 1 || rounds > 10) {
            std::fputs(
                "placard-fleet-mqtt-load: a broker URL, FIRST ≥ 0, COUNT 1–300, "
                "INTERVAL 1–120 s, ROUNDS 1–10\n",
                stderr);
            return 2;
        }
        return run(*url, args[1], first, count, interval, rounds, args[6]);
    }
    std::fputs(
        "usage: placard-fleet-mqtt-load BROKER_URL KEYS FIRST COUNT INTERVAL ROUNDS "
        "COMMAND_FILE\n",
        stderr);
    return 2;
}
