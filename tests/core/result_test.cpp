#include "core/result.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "core/problem_list.hpp"

namespace placard {
namespace {

Result<int> parse_digit(char c) {
    if (c < '0' || c > '9') {
        return make_error(std::string("'") + c + "': not a digit");
    }
    return c - '0';
}

// Two digits through PLACARD_TRY: the first failure returns from here, with its kind and text.
Result<int> parse_two_digits(const char* text) {
    const int tens = PLACARD_TRY(parse_digit(text[0]));
    const int ones = PLACARD_TRY(parse_digit(text[1]));
    return tens * 10 + ones;
}

Result<std::unique_ptr<int>> boxed(int value, bool fail) {
    if (fail) {
        return make_error(ErrorKind::Failed, "no box");
    }
    return std::make_unique<int>(value);
}

// A move-only value comes out of PLACARD_TRY whole (the statement expression yields a copy of
// the value, not a reference into the result it destroys).
Result<int> unbox(bool fail) {
    std::unique_ptr<int> box = PLACARD_TRY(boxed(7, fail));
    return *box;
}

Status fails_then_never_reaches(int& reached) {
    PLACARD_TRY(Status(make_error(ErrorKind::TooLarge, "too big")));
    reached = 1;
    return Done{};
}

TEST(Result, TryPassesTheValueOn) {
    const auto value = parse_two_digits("42");
    ASSERT_TRUE(value);
    EXPECT_EQ(*value, 42);
    const auto unboxed = unbox(false);
    ASSERT_TRUE(unboxed);
    EXPECT_EQ(*unboxed, 7);
}

TEST(Result, TryReturnsTheFirstErrorWithItsKind) {
    const auto value = parse_two_digits("4x");
    ASSERT_FALSE(value);
    EXPECT_EQ(value.error().kind, ErrorKind::Invalid);
    EXPECT_EQ(value.error().message, "'x': not a digit");
    const auto unboxed = unbox(true);
    ASSERT_FALSE(unboxed);
    EXPECT_EQ(unboxed.error().kind, ErrorKind::Failed);
    int reached = 0;
    const Status status = fails_then_never_reaches(reached);
    EXPECT_EQ(reached, 0);
    EXPECT_EQ(status.error().kind, ErrorKind::TooLarge);
}

TEST(Result, ContextIsPrefixedAndTheKindKept) {
    const Error error =
        with_context(make_error(ErrorKind::Unauthentic, "bad signature"), "a.placard");
    EXPECT_EQ(error.message, "a.placard: bad signature");
    EXPECT_EQ(error.kind, ErrorKind::Unauthentic);
    EXPECT_EQ(error_kind_name(ErrorKind::TooLarge), "too-large");
    EXPECT_EQ(error_kind_name(ErrorKind::Unauthentic), "unauthentic");
}

TEST(ProblemList, SummaryIsTheFirstProblemAndHowManyMore) {
    ProblemList problems;
    problems.add(make_error(ErrorKind::NotFound, "/tmp/x/media/a.png: no such file in the bundle"));
    problems.add("/tmp/x/feed.json: version: missing");
    problems.add("elsewhere: kept as it is");
    problems.strip_prefix("/tmp/x/");
    EXPECT_EQ(problems.size(), 3u);
    const Error summary = problems.summary("news.placard");
    EXPECT_EQ(summary.kind, ErrorKind::NotFound);
    EXPECT_EQ(summary.message,
              "news.placard: media/a.png: no such file in the bundle (and 2 more)");
    EXPECT_EQ(problems.messages()[1], "feed.json: version: missing");
    EXPECT_EQ(problems[2].message, "elsewhere: kept as it is");
    ProblemList one;
    one.add("feed.json: placard: missing");
    EXPECT_EQ(one.summary().message, "feed.json: placard: missing");
}

}  // namespace
}  // namespace placard
