// One connection to an MQTT broker (MQTT 3.1.1, libmosquitto), kept up by a thread of its own:
// connects, and after any loss connects again (waiting 1 s, doubling up to 30 s), so a broker
// that is down, restarted or unreachable costs its user nothing but a log line per change.
//
// The thread runs libmosquitto's loop itself (mosquitto_loop) rather than mosquitto_loop_start:
// a first connect that fails is then retried like any other, and stopping never waits out a
// reconnect delay. The callbacks below run on that thread; they may publish and subscribe, and
// must not block for long (keepalives wait for them).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "core/result.hpp"
#include "mqtt/mqtt_url.hpp"
#include "runtime/log_allowance.hpp"

struct mosquitto;
struct mosquitto_message;

namespace placard {

class MqttClient {
  public:
    struct Options {
        MqttUrl url;
        // Unique on the broker: a second connection with the same id takes the first one's
        // place (MQTT 3.1.1 §3.1.4), so two processes with one id would knock each other off.
        std::string client_id;
        // The last will (MQTT 3.1.1 §3.1.2.5): published by the broker, QoS 1 and retained, when
        // the connection ends without a DISCONNECT — a screen whose power was cut. Empty: none.
        std::string will_topic, will_payload;
        // Set: the will's payload, made again before every connect (a new session each time).
        std::function<std::string()> make_will;
        int keepalive_s = 20;
        // A message larger than this is dropped (and logged) rather than handed on.
        std::size_t most_message_bytes = 64 * 1024;
        // On every connect (subscriptions do not outlive a clean session's connection).
        std::function<void(MqttClient&)> on_connect;
        std::function<void(const std::string& topic, std::string payload)> on_message;
    };

    static Result<std::unique_ptr<MqttClient>> start(Options options);
    ~MqttClient();
    MqttClient(const MqttClient&) = delete;
    MqttClient& operator=(const MqttClient&) = delete;

    // Connected and accepted by the broker, as far as this side knows.
    bool connected() const { return connected_; }
    // Queued for the broker (QoS 0 or 1); false when not connected or refused.
    bool publish(const std::string& topic, std::string_view payload, int qos, bool retain);
    bool subscribe(const std::string& pattern, int qos);
    // How many publishes the broker has taken (QoS 1: acknowledged; QoS 0: written out).
    std::uint64_t taken() const { return taken_; }
    // Publishes `payload` to `topic` (QoS 1, retained; none when `topic` is empty), waits at most
    // `wait` for the broker to take it, then disconnects cleanly and joins the thread. A clean
    // disconnect does not set off the will (§3.14.4), hence these last words. Safe to call twice.
    void stop(const std::string& topic = {}, const std::string& payload = {},
              std::chrono::milliseconds wait = std::chrono::seconds(2));

  private:
    explicit MqttClient(Options options) : options_(std::move(options)) {}
    void run();
    void last_words();
    void say(const std::string& state, bool problem);
    bool set_will(const std::string& payload);
    void wait_before_retry(double& backoff_s);
    static void on_connect(struct mosquitto* client, void* self, int code);
    static void on_disconnect(struct mosquitto* client, void* self, int code);
    static void on_publish(struct mosquitto* client, void* self, int id);
    static void on_message(struct mosquitto* client, void* self, const mosquitto_message* message);

    Options options_;
    struct mosquitto* client_ = nullptr;
    std::atomic<bool> connected_{false};
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::string last_topic_, last_payload_;
    std::chrono::milliseconds last_wait_{0};
    std::atomic<int> last_words_id_{-1};
    std::atomic<bool> last_words_taken_{false};
    std::atomic<std::uint64_t> taken_{0};
    std::string last_said_;
    LogAllowance oversized_;  // On the loop thread only.
    std::thread thread_;
};

}  // namespace placard
