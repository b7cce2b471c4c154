#include "http/http_request_head.hpp"

#include <gtest/gtest.h>

namespace placard {
namespace {

TEST(HttpRequestHead, ReadsTheRequestLineAndFieldsCaseInsensitively) {
    auto head = parse_request_head(
        "POST /bundle HTTP/1.1\r\nHost: screen\r\nContent-LENGTH:  42 \r\nAuthorization: Bearer t");
    ASSERT_TRUE(head) << head.error().message;
    EXPECT_EQ(head->method, "POST");
    EXPECT_EQ(head->target, "/bundle");
    auto length = head->field("content-length");
    ASSERT_TRUE(length && *length);
    EXPECT_EQ(**length, "42");
    EXPECT_EQ(**head->field("authorization"), "Bearer t");
    EXPECT_FALSE(head->has("transfer-encoding"));
}

TEST(HttpRequestHead, ConflictingRepeatsAreAnError) {
    auto head = parse_request_head("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2");
    ASSERT_TRUE(head);
    EXPECT_FALSE(head->field("content-length"));
    auto same = parse_request_head("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1");
    ASSERT_TRUE(same);
    EXPECT_TRUE(same->field("content-length"));
}

TEST(HttpRequestHead, MalformedHeadsAreRefused) {
    for (const char* text : {"", "GARBAGE", "POST /bundle", "POST /bundle SPDY/3",
                             "POST /bundle HTTP/1.1\r\n folded: x",
                             "POST /bundle HTTP/1.1\r\nno colon here", "P(ST / HTTP/1.1"}) {
        EXPECT_FALSE(parse_request_head(text)) << text;
    }
}

}  // namespace
}  // namespace placard
