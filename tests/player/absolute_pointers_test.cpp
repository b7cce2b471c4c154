#include "player/absolute_pointers.hpp"

#include <gtest/gtest.h>
#include <linux/input.h>

#include <vector>

namespace placard {
namespace {

using Kind = PanelPointerEvent::Kind;

// A device whose axes run 0..32767, as QEMU's USB tablet and many touch panels in mouse mode.
struct Tablet {
    AbsolutePointerState state{0, 32767, 0, 32767};
    std::vector<PanelPointerEvent> out;
    void report(int x, int y, int button) {
        if (x >= 0) {
            state.feed(EV_ABS, ABS_X, x, out);
        }
        if (y >= 0) {
            state.feed(EV_ABS, ABS_Y, y, out);
        }
        if (button >= 0) {
            state.feed(EV_KEY, BTN_LEFT, button, out);
        }
        state.feed(EV_SYN, SYN_REPORT, 0, out);
    }
};

TEST(AbsolutePointerState, ATapIsScaledByTheDevicesRangeNotTakenAsPixels) {
    Tablet tablet;
    tablet.report(10240, 21238, -1);  // Moved there, button up: nothing to follow.
    EXPECT_TRUE(tablet.out.empty());
    tablet.report(-1, -1, 1);
    tablet.report(-1, -1, 0);
    ASSERT_EQ(tablet.out.size(), 2u);
    EXPECT_EQ(tablet.out[0].kind, Kind::Down);
    EXPECT_NEAR(tablet.out[0].x, 10240.0 / 32767, 1e-9);
    EXPECT_NEAR(tablet.out[0].y, 21238.0 / 32767, 1e-9);
    EXPECT_EQ(tablet.out[1].kind, Kind::Up);
    EXPECT_NEAR(tablet.out[1].x, tablet.out[0].x, 1e-9);
}

TEST(AbsolutePointerState, APressWithAMoveInOneReportHappensAtTheNewPlace) {
    Tablet tablet;
    tablet.report(0, 0, -1);
    tablet.report(32767, 16384, 1);
    ASSERT_EQ(tablet.out.size(), 1u);
    EXPECT_EQ(tablet.out[0].kind, Kind::Down);
    EXPECT_DOUBLE_EQ(tablet.out[0].x, 1.0);
}

TEST(AbsolutePointerState, MovesAreFollowedOnlyWhileHeld) {
    Tablet tablet;
    tablet.report(100, 100, 1);
    tablet.report(-1, 200, -1);
    tablet.report(-1, 300, -1);
    tablet.report(-1, -1, 0);
    tablet.report(-1, 400, -1);
    ASSERT_EQ(tablet.out.size(), 4u);
    EXPECT_EQ(tablet.out[1].kind, Kind::Move);
    EXPECT_NEAR(tablet.out[2].y, 300.0 / 32767, 1e-9);
    EXPECT_EQ(tablet.out[3].kind, Kind::Up);
}

TEST(AbsolutePointerState, AnOffsetRangeAndValuesOutsideItAreClampedToThePanel) {
    AbsolutePointerState state(200, 3900, 150, 3950);  // A resistive panel's calibration.
    std::vector<PanelPointerEvent> out;
    state.feed(EV_ABS, ABS_X, 100, out);
    state.feed(EV_ABS, ABS_Y, 2050, out);
    state.feed(EV_KEY, BTN_LEFT, 1, out);
    state.feed(EV_SYN, SYN_REPORT, 0, out);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_DOUBLE_EQ(out[0].x, 0.0);
    EXPECT_DOUBLE_EQ(out[0].y, 0.5);
}

TEST(AbsolutePointerState, ATapWhereThePointerAlreadyIsUsesThePositionItWasOpenedAt) {
    // The kernel sends no ABS_X/ABS_Y for a tap at the same place as the last one.
    AbsolutePointerState state(0, 32767, 0, 32767, 16384, 8192);
    std::vector<PanelPointerEvent> out;
    state.feed(EV_KEY, BTN_LEFT, 1, out);
    state.feed(EV_SYN, SYN_REPORT, 0, out);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_NEAR(out[0].x, 16384.0 / 32767, 1e-9);
    EXPECT_NEAR(out[0].y, 8192.0 / 32767, 1e-9);
}

TEST(AbsolutePointerState, LostEventsReleaseAHeldPointerAndAreIgnoredToTheNextReport) {
    Tablet tablet;
    tablet.report(100, 100, 1);
    tablet.state.feed(EV_SYN, SYN_DROPPED, 0, tablet.out);
    tablet.state.feed(EV_ABS, ABS_X, 30000, tablet.out);  // Partial: ignored.
    tablet.state.feed(EV_SYN, SYN_REPORT, 0, tablet.out);
    ASSERT_EQ(tablet.out.size(), 2u);
    EXPECT_EQ(tablet.out[1].kind, Kind::Up);
    EXPECT_NEAR(tablet.out[1].x, 100.0 / 32767, 1e-9);
    // The next press is a new tap, not a drag from the old place.
    tablet.report(200, 200, 1);
    ASSERT_EQ(tablet.out.size(), 3u);
    EXPECT_EQ(tablet.out[2].kind, Kind::Down);
}

TEST(AbsolutePointerState, NothingIsReportedBeforeTheSynReport) {
    Tablet tablet;
    tablet.state.feed(EV_ABS, ABS_X, 5, tablet.out);
    tablet.state.feed(EV_KEY, BTN_LEFT, 1, tablet.out);
    EXPECT_TRUE(tablet.out.empty());
    // Other keys and axes (a wheel, a right button) are not the pointer.
    tablet.state.feed(EV_KEY, BTN_RIGHT, 1, tablet.out);
    tablet.state.feed(EV_REL, REL_WHEEL, 1, tablet.out);
    tablet.state.feed(EV_SYN, SYN_REPORT, 0, tablet.out);
    ASSERT_EQ(tablet.out.size(), 1u);
    EXPECT_EQ(tablet.out[0].kind, Kind::Down);
}

}  // namespace
}  // namespace placard
