// placard-fleet-load: simulated screens against a studio, for issue 16's load test.
//
//   placard-fleet-load keys N FILE
//       N new screen keys: FILE (the secret keys, one a line) and FILE.screens ("KEY NAME" a
//       line, for `placard-studio add-screens`)
//   placard-fleet-load run STUDIO_URL FILE INTERVAL ROUNDS COMMAND_FILE
//       every screen of FILE reports ROUNDS times, each round spread evenly over INTERVAL
//       seconds (what a fleet does), then all at once (a county's screens coming back after a
//       power cut). A report answered 503 (the studio's connection bound) is sent again after a
//       random wait of up to a second, until a deadline of one INTERVAL, as a screen would at
//       its next report. Each sender thread has a loopback address of its own (127.0.0.2…), as
//       screens have. Prints one JSON line: reports sent and accepted, retries, refusals,
//       lost reports, bytes per report and per screen and day, latencies, and each screen's
//       time from the studio's command (asked for at the time COMMAND_FILE holds, unix seconds)
//       to the answer that brought it.
//
// Bounded: N at most 5000, ROUNDS at most 10, INTERVAL at most 120 s; it stops by itself.
#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "content/signed_manifest.hpp"
#include "simulated_report.hpp"

namespace {

using namespace placard;
using Clock = std::chrono::steady_clock;

struct Totals {
    std::mutex mutex;
    long sent = 0, accepted = 0, retried = 0, refused = 0, lost = 0;
    double upload_bytes = 0, download_bytes = 0;
    std::vector<double> latencies_ms;  // Of the reports taken at the first try, in the rounds.
    std::string first_refusal;
    // When each screen's first command came with an answer (unix seconds; 0: none yet).
    std::vector<double> command_at;
};

std::size_t keep(char* data, std::size_t size, std::size_t count, void* out) {
    static_cast<std::string*>(out)->append(data, size * count);
    return size * count;
}

// One report, sent again on 503 until `deadline`; its latency kept when `measured` (the steady
// rounds: in the burst, a latency says more about the loopback's queues than the studio).
void send_report(CURL* curl, const std::string& url, const std::string& interface,
                 const SigningKey& key, const std::string& name, std::size_t screen,
                 Clock::time_point deadline, bool measured, Totals& totals, std::mt19937& random) {
    for (bool first = true;; first = false) {
        const std::string body = simulated_report(key, name, std::time(nullptr));
        std::string signature = signature_line(body, key);
        signature.pop_back();
        const std::string authorization = "Authorization: Placard-Screen " + signature;
        curl_slist* headers = curl_slist_append(nullptr, authorization.c_str());
        headers = curl_slist_append(headers, "Content-Type: application/json");
        std::string answer;
        curl_easy_reset(curl);
        curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
        curl_easy_setopt(curl, CURLOPT_INTERFACE, interface.c_str());
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, keep);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer);
        curl_easy_setopt(curl, CURLOPT_TIMEOUT, 20L);
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        const auto start = Clock::now();
        const CURLcode done = curl_easy_perform(curl);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        long status = 0, request_bytes = 0, header_bytes = 0;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        curl_easy_getinfo(curl, CURLINFO_REQUEST_SIZE, &request_bytes);
        curl_easy_getinfo(curl, CURLINFO_HEADER_SIZE, &header_bytes);
        curl_slist_free_all(headers);
        {
            std::lock_guard lock(totals.mutex);
            ++totals.sent;
            totals.retried += first ? 0 : 1;
            if (done == CURLE_OK && status == 200) {
                ++totals.accepted;
                if (totals.command_at[screen] == 0 &&
                    answer.find("\"commands\":[\"") != std::string::npos) {
                    totals.command_at[screen] =
                        std::chrono::duration<double>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
                }
                if (first && measured) {
                    totals.latencies_ms.push_back(ms);
                }
                // libcurl's request size holds the body when it went out with the head (a
                // small POST), and only the head otherwise.
                const long body_bytes = static_cast<long>(body.size());
                totals.upload_bytes += static_cast<double>(
                    request_bytes > body_bytes ? request_bytes : request_bytes + body_bytes);
                totals.download_bytes +=
                    static_cast<double>(header_bytes + static_cast<long>(answer.size()));
                return;
            }
            if (done == CURLE_OK && status != 503) {
                ++totals.refused;
                if (totals.first_refusal.empty()) {
                    totals.first_refusal = "HTTP " + std::to_string(status) + ": " + answer;
                }
                return;
            }
        }
        if (Clock::now() >= deadline) {
            std::lock_guard lock(totals.mutex);
            ++totals.lost;
            return;
        }
        std::this_thread::sleep_for(
            std::chrono::milliseconds(std::uniform_int_distribution<int>(50, 1000)(random)));
    }
}

int make_keys(int count, const std::string& file) {
    std::ofstream secrets(file), screens(file + ".screens");
    for (int i = 0; i < count; ++i) {
        const SigningKey key = generate_signing_key();
        secrets << secret_key_text(key);
        screens << public_key_hex(key.public_key) << " 模拟终端" << i + 1 << "\n";
    }
    return secrets && screens ? 0 : 1;
}

int run(const std::string& studio, const std::string& file, int interval, int rounds,
        const std::string& command_file) {
    std::vector<SigningKey> keys;
    std::ifstream secrets(file);
    for (std::string line; std::getline(secrets, line);) {
        if (line.empty()) {
            continue;
        }
        auto key = parse_secret_key(line, file);
        if (!key) {
            std::fprintf(stderr, "placard-fleet-load: %s\n", key.error().message.c_str());
            return 1;
        }
        keys.push_back(*key);
    }
    const std::string url = studio + "/api/screens/report";
    Totals totals;
    totals.command_at.assign(keys.size(), 0);
    const auto wave = [&](int threads, Clock::time_point start, double spread_s) {
        std::vector<std::thread> senders;
        senders.reserve(static_cast<std::size_t>(threads));
        for (int t = 0; t < threads; ++t) {
            senders.emplace_back([&, t] {
                CURL* curl = curl_easy_init();
                std::mt19937 random(static_cast<unsigned>(t) * 7919U + 1U);
                const std::string interface = "host!127.0.0." + std::to_string(2 + t % 200);
                for (std::size_t i = static_cast<std::size_t>(t); i < keys.size();
                     i += static_cast<std::size_t>(threads)) {
                    const auto when =
                        start +
                        std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(
                            spread_s * static_cast<double>(i) / static_cast<double>(keys.size())));
                    std::this_thread::sleep_until(when);
                    send_report(curl, url, interface, keys[i], "模拟终端" + std::to_string(i + 1),
                                i, when + std::chrono::seconds(interval), spread_s > 0, totals,
                                random);
                }
                curl_easy_cleanup(curl);
            });
        }
        for (std::thread& sender : senders) {
            sender.join();
        }
    };
    const auto began = Clock::now();
    for (int round = 0; round < rounds; ++round) {
        wave(8, began + std::chrono::seconds(static_cast<long>(round) * interval), interval);
    }
    // All at once, from the next whole second on: the studio orders a screen's reports by the
    // second they were sent, and the last round's may share this one.
    const std::time_t last_round = std::time(nullptr);
    while (std::time(nullptr) <= last_round) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    const auto burst = Clock::now();
    wave(64, burst, 0);
    const double burst_s = std::chrono::duration<double>(Clock::now() - burst).count();
    std::vector<double>& ms = totals.latencies_ms;
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) {
        return ms.empty()
                   ? 0.0
                   : ms[std::min(ms.size() - 1,
                                 static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
    };
    const double taken = static_cast<double>(totals.accepted);
    const double per_report_up = taken > 0 ? totals.upload_bytes / taken : 0;
    const double per_report_down = taken > 0 ? totals.download_bytes / taken : 0;
    nlohmann::ordered_json out;
    out["screens"] = keys.size();
    out["rounds"] = rounds;
    out["interval_s"] = interval;
    out["expected"] = static_cast<long>(keys.size()) * (rounds + 1);
    out["sent"] = totals.sent;
    out["accepted"] = totals.accepted;
    out["retried"] = totals.retried;
    out["refused"] = totals.refused;
    out["lost"] = totals.lost;
    out["first_refusal"] = totals.first_refusal.substr(0, 300);
    out["bytes_per_report_up"] = std::lround(per_report_up);
    out["bytes_per_report_down"] = std::lround(per_report_down);
    out["bytes_per_screen_day_at_30s"] = std::lround((per_report_up + per_report_down) * 2880);
    out["latency_ms_p50"] = at(0.5);
    out["latency_ms_p95"] = at(0.95);
    out["burst_seconds"] = burst_s;
    // The studio's command, asked for while the screens reported (fleet_load.sh): it reaches a
    // screen with the answer to its next report.
    double asked = 0;
    std::ifstream(command_file) >> asked;
    std::vector<double> command_ms;
    for (const double at_s : totals.command_at) {
        if (asked > 0 && at_s > 0) {
            command_ms.push_back((at_s - asked) * 1000);
        }
    }
    std::sort(command_ms.begin(), command_ms.end());
    out["commands_received"] = command_ms.size();
    out["command_ms"] = command_ms;
    std::printf("%s\n", out.dump().c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    if (args.size() == 3 && args[0] == "keys") {
        const int count = std::atoi(args[1].c_str());
        if (count < 1 || count > 5000) {
            std::fputs("placard-fleet-load: keys: N from 1 to 5000\n", stderr);
            return 2;
        }
        return make_keys(count, args[2]);
    }
    if (args.size() == 6 && args[0] == "run") {
        const int interval = std::atoi(args[3].c_str()), rounds = std::atoi(args[4].c_str());
        if (interval < 1 || interval > 120 || rounds < 1 || rounds > 10) {
            std::fputs("placard-fleet-load: run: INTERVAL 1–120 s, ROUNDS 1–10\n", stderr);
            return 2;
        }
        return run(args[1], args[2], interval, rounds, args[5]);
    }
    std::fputs(
        "usage: placard-fleet-load keys N FILE\n"
        "       placard-fleet-load run STUDIO_URL FILE INTERVAL ROUNDS COMMAND_FILE\n",
        stderr);
    return 2;
}
