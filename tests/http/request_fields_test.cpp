#include "http/request_fields.hpp"

#include <gtest/gtest.h>

namespace placard {
namespace {

TEST(RequestFields, FormFieldsAreDecoded) {
    auto form = parse_form("user=%E7%8E%8B%E7%A7%91%E9%95%BF&password=a+b%26c%3D&empty=&user=x");
    ASSERT_TRUE(form);
    EXPECT_EQ((*form)["user"], "王科长");  // The first of two.
    EXPECT_EQ((*form)["password"], "a b&c=");
    EXPECT_EQ((*form)["empty"], "");
    EXPECT_FALSE(parse_form("user=%E7%8"));
    EXPECT_FALSE(parse_form("user=%zz"));
    EXPECT_FALSE(parse_form("user=%"));
    EXPECT_TRUE(parse_form("")->empty());
}

TEST(RequestFields, CookiesAreFoundByName) {
    auto head = parse_request_head(
        "GET / HTTP/1.1\r\nCookie: other=1; placard_session=abc; x=placard_session=no");
    ASSERT_TRUE(head);
    EXPECT_EQ(cookie_value(*head, "placard_session"), "abc");
    EXPECT_EQ(cookie_value(*head, "missing"), "");
    EXPECT_EQ(target_path("/feed/feed.json?x=1#y"), "/feed/feed.json");
}

}  // namespace
}  // namespace placard
