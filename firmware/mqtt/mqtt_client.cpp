#include "mqtt/mqtt_client.hpp"

#include <mosquitto.h>

#include <algorithm>
#include <cerrno>
#include <mutex>
#include <system_error>

#include "runtime/log.hpp"

namespace placard {

namespace {

std::string where(const MqttUrl& url) {
    return (url.tls ? "mqtts://" : "mqtt://") + url.host + ":" + std::to_string(url.port);
}

// A library error, or the system's when the library says "see errno".
std::string reason(int code) {
    return code == MOSQ_ERR_ERRNO ? std::system_category().message(errno)
                                  : std::string(mosquitto_strerror(code));
}

}  // namespace

Result<std::unique_ptr<MqttClient>> MqttClient::start(Options options) {
    // Once per process, before any client; the only call of the library that is not thread-safe.
    static std::once_flag library;
    std::call_once(library, [] { mosquitto_lib_init(); });
    std::unique_ptr<MqttClient> self(new MqttClient(std::move(options)));
    const Options& o = self->options_;
    self->client_ = mosquitto_new(o.client_id.c_str(), true, self.get());
    if (self->client_ == nullptr) {
        return make_error("mqtt: cannot make a client (out of memory?)");
    }
    // Published from the caller's threads while this one runs the loop: the library's locks on.
    mosquitto_threaded_set(self->client_, true);
    mosquitto_int_option(self->client_, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311);
    // Commands are small and wanted at once: no Nagle delay.
    mosquitto_int_option(self->client_, MOSQ_OPT_TCP_NODELAY, 1);
    if (!o.url.user.empty() &&
        mosquitto_username_pw_set(self->client_, o.url.user.c_str(),
                                  o.url.password.empty() ? nullptr : o.url.password.c_str()) !=
            MOSQ_ERR_SUCCESS) {
        return make_error("mqtt: the user or password is refused by the library");
    }
    if (o.url.tls &&
        mosquitto_int_option(self->client_, MOSQ_OPT_TLS_USE_OS_CERTS, 1) != MOSQ_ERR_SUCCESS) {
        return make_error("mqtt: this libmosquitto has no TLS");
    }
    if (!o.will_topic.empty() && !o.make_will && !self->set_will(o.will_payload)) {
        return make_error("mqtt: the last will is refused by the library");
    }
    mosquitto_connect_callback_set(self->client_, &MqttClient::on_connect);
    mosquitto_disconnect_callback_set(self->client_, &MqttClient::on_disconnect);
    mosquitto_publish_callback_set(self->client_, &MqttClient::on_publish);
    mosquitto_message_callback_set(self->client_, &MqttClient::on_message);
    self->thread_ = std::thread([raw = self.get()] { raw->run(); });
    return self;
}

MqttClient::~MqttClient() {
    stop();
    if (client_ != nullptr) {
        mosquitto_destroy(client_);
    }
}

void MqttClient::say(const std::string& state, bool problem) {
    if (state == last_said_) {
        return;
    }
    last_said_ = state;
    if (problem) {
        log_warning("mqtt: " + state);
    } else {
        log_info("mqtt: " + state);
    }
}

bool MqttClient::set_will(const std::string& payload) {
    return mosquitto_will_set(client_, options_.will_topic.c_str(),
                              static_cast<int>(payload.size()), payload.data(), 1,
                              true) == MOSQ_ERR_SUCCESS;
}

bool MqttClient::publish(const std::string& topic, std::string_view payload, int qos, bool retain) {
    if (!connected_) {
        return false;
    }
    return mosquitto_publish(client_, nullptr, topic.c_str(), static_cast<int>(payload.size()),
                             payload.data(), qos, retain) == MOSQ_ERR_SUCCESS;
}

bool MqttClient::subscribe(const std::string& pattern, int qos) {
    return mosquitto_subscribe(client_, nullptr, pattern.c_str(), qos) == MOSQ_ERR_SUCCESS;
}

void MqttClient::stop(const std::string& topic, const std::string& payload,
                      std::chrono::milliseconds wait) {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) {
            return;
        }
        stopping_ = true;
        last_topic_ = topic;
        last_payload_ = payload;
        last_wait_ = wait;
    }
    wake_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void MqttClient::wait_before_retry(double& backoff_s) {
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, std::chrono::duration<double>(backoff_s), [this] { return stopping_; });
    backoff_s = std::min(backoff_s * 2, 30.0);
}

void MqttClient::run() {
    double backoff_s = 1;
    bool socket_open = false;
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) {
                break;
            }
        }
        if (!socket_open) {
            if (options_.make_will) {
                (void)set_will(options_.make_will());
            }
            const int code = mosquitto_connect_async(client_, options_.url.host.c_str(),
                                                     options_.url.port, options_.keepalive_s);
            if (code != MOSQ_ERR_SUCCESS) {
                say("cannot reach " + where(options_.url) + ": " + reason(code), true);
                wait_before_retry(backoff_s);
                continue;
            }
            socket_open = true;
        }
        // A short wait: publishes from other threads wake it anyway, and a stop is seen soon.
        const int code = mosquitto_loop(client_, 200, 1);
        if (code != MOSQ_ERR_SUCCESS) {
            socket_open = false;
            connected_ = false;
            say("lost " + where(options_.url) + ": " + reason(code), true);
            wait_before_retry(backoff_s);
        } else if (connected_) {
            backoff_s = 1;
        }
    }
    if (socket_open) {
        last_words();
        mosquitto_disconnect(client_);
        (void)mosquitto_loop(client_, 100, 1);
    }
    connected_ = false;
}

void MqttClient::last_words() {
    if (!connected_ || last_topic_.empty()) {
        return;
    }
    int id = 0;
    if (mosquitto_publish(client_, &id, last_topic_.c_str(), static_cast<int>(last_payload_.size()),
                          last_payload_.data(), 1, true) != MOSQ_ERR_SUCCESS) {
        return;
    }
    last_words_id_ = id;
    const auto deadline = std::chrono::steady_clock::now() + last_wait_;
    while (!last_words_taken_ && std::chrono::steady_clock::now() < deadline &&
           mosquitto_loop(client_, 100, 1) == MOSQ_ERR_SUCCESS) {
    }
}

void MqttClient::on_connect(struct mosquitto* /*client*/, void* self_pointer, int code) {
    auto* self = static_cast<MqttClient*>(self_pointer);
    if (code != 0) {
        // CONNACK return codes, MQTT 3.1.1 §3.2.2.3: a bad user or password, not authorised…
        self->say("the broker " + where(self->options_.url) +
                      " refused the connection: " + mosquitto_connack_string(code),
                  true);
        return;
    }
    self->connected_ = true;
    self->say("connected to " + where(self->options_.url), false);
    if (self->options_.on_connect) {
        self->options_.on_connect(*self);
    }
}

void MqttClient::on_disconnect(struct mosquitto* /*client*/, void* self_pointer, int /*code*/) {
    static_cast<MqttClient*>(self_pointer)->connected_ = false;
}

void MqttClient::on_publish(struct mosquitto* /*client*/, void* self_pointer, int id) {
    auto* self = static_cast<MqttClient*>(self_pointer);
    ++self->taken_;
    if (id == self->last_words_id_) {
        self->last_words_taken_ = true;
    }
}

void MqttClient::on_message(struct mosquitto* /*client*/, void* self_pointer,
                            const mosquitto_message* message) {
    auto* self = static_cast<MqttClient*>(self_pointer);
    if (message == nullptr || message->topic == nullptr || message->payloadlen < 0) {
        return;
    }
    if (static_cast<std::size_t>(message->payloadlen) > self->options_.most_message_bytes) {
        self->oversized_.warn("mqtt: a message of " + std::to_string(message->payloadlen) +
                              " bytes on " + message->topic + " dropped (more than " +
                              std::to_string(self->options_.most_message_bytes) + ")");
        return;
    }
    if (self->options_.on_message) {
        self->options_.on_message(message->topic,
                                  std::string(static_cast<const char*>(message->payload),
                                              static_cast<std::size_t>(message->payloadlen)));
    }
}

}  // namespace placard
