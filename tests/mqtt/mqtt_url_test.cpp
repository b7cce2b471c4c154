// The broker's address as an admin writes it: what is taken, and what is refused with a reason.
#include "mqtt/mqtt_url.hpp"

#include <gtest/gtest.h>

namespace placard {
namespace {

TEST(MqttUrl, TakesHostPortUserAndTls) {
    auto plain = parse_mqtt_url("mqtt://broker.lan");
    ASSERT_TRUE(plain) << plain.error().message;
    EXPECT_EQ(plain->host, "broker.lan");
    EXPECT_EQ(plain->port, 1883);
    EXPECT_FALSE(plain->tls);

    auto full = parse_mqtt_url("mqtts://screen%401:p%3Ass@10.0.0.5:8884/");
    ASSERT_TRUE(full) << full.error().message;
    EXPECT_TRUE(full->tls);
    EXPECT_EQ(full->host, "10.0.0.5");
    EXPECT_EQ(full->port, 8884);
    EXPECT_EQ(full->user, "screen@1");
    EXPECT_EQ(full->password, "p:ss");

    auto six = parse_mqtt_url("mqtt://[fd00::1]:1884");
    ASSERT_TRUE(six) << six.error().message;
    EXPECT_EQ(six->host, "fd00::1");
    EXPECT_EQ(six->port, 1884);
    EXPECT_EQ(parse_mqtt_url("mqtts://broker")->port, 8883);
}

TEST(MqttUrl, RefusesWhatIsNotABroker) {
    for (const char* bad : {"http://broker", "mqtt://", "mqtt://host:0", "mqtt://host:65536",
                            "mqtt://host:x", "mqtt://host:", "mqtt://host/topic", "mqtt://[fd00::1",
                            "mqtt://u:%zz@host", "mqtt://u:%4@host", "mqtt://u:%00@host"}) {
        EXPECT_FALSE(parse_mqtt_url(bad)) << bad;
    }
    // The reason names the URL, without its password.
    auto refused = parse_mqtt_url("mqtt://screen:secret@host:99999");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message.find("secret"), std::string::npos) << refused.error().message;
    EXPECT_NE(refused.error().message.find("mqtt://screen:***@host:99999"), std::string::npos)
        << refused.error().message;
}

}  // namespace
}  // namespace placard
