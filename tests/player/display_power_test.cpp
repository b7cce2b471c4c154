// Screen hours' power methods (issue 14): tried in order and verified, the first that works
// kept, the black picture last; each step of a method can fail, and the report says what was
// tried. The real CEC and DRM methods are compiled for the boards, not run here (no TV).
#include "player/display_power.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace placard {
namespace {

// A display method whose every step can be made to fail.
struct FakeScript {
    bool refuse_set = false;   // set_power fails.
    bool refuse_read = false;  // power_state fails.
    bool stuck = false;        // The display ignores what it is asked (stays on).
    int sets = 0;
};

class FakeMethod final : public DisplayPowerMethod {
  public:
    FakeMethod(std::string name, FakeScript& script) : name_(std::move(name)), script_(script) {}
    std::string name() const override { return name_; }
    Status set_power(bool on) override {
        ++script_.sets;
        if (script_.refuse_set) {
            return make_error(ErrorKind::Failed, "not acknowledged");
        }
        if (!script_.stuck) {
            on_ = on;
        }
        return Done{};
    }
    Result<bool> power_state() override {
        if (script_.refuse_read) {
            return make_error(ErrorKind::Failed, "no reply");
        }
        return on_;
    }

  private:
    std::string name_;
    FakeScript& script_;
    bool on_ = true;
};

std::vector<std::unique_ptr<DisplayPowerMethod>> methods(FakeScript& cec, FakeScript& drm) {
    std::vector<std::unique_ptr<DisplayPowerMethod>> list;
    list.push_back(std::make_unique<FakeMethod>("cec", cec));
    list.push_back(std::make_unique<FakeMethod>("drm", drm));
    return list;
}

TEST(DisplayPower, TheFirstMethodThatWorksIsUsedAndKept) {
    FakeScript cec, drm;
    DisplayPowerChain chain(methods(cec, drm));
    const DisplayPowerReport off = chain.set(false);
    EXPECT_EQ(off.method, "cec");
    EXPECT_FALSE(off.display_on);
    EXPECT_TRUE(off.problems.empty());
    EXPECT_EQ(drm.sets, 0);
}

TEST(DisplayPower, EachFailingStepFallsThroughToTheNextMethod) {
    for (int step = 0; step < 3; ++step) {
        FakeScript cec, drm;
        cec.refuse_set = step == 0;
        cec.refuse_read = step == 1;
        cec.stuck = step == 2;
        DisplayPowerChain chain(methods(cec, drm));
        const DisplayPowerReport off = chain.set(false);
        EXPECT_EQ(off.method, "drm") << "step " << step;
        EXPECT_FALSE(off.display_on);
        ASSERT_EQ(off.problems.size(), 1U);
        const char* expected[] = {"cec: not acknowledged",
                                  "cec: cannot read the display's state back (no reply)",
                                  "cec: the display still reports on"};
        EXPECT_EQ(off.problems[0], expected[step]);
    }
}

TEST(DisplayPower, WhenNothingSwitchesTheBlackPictureIsLeft) {
    FakeScript cec, drm;
    cec.refuse_set = true;
    drm.stuck = true;
    DisplayPowerChain chain(methods(cec, drm));
    const DisplayPowerReport off = chain.set(false);
    EXPECT_EQ(off.method, "black picture");
    EXPECT_EQ(off.problems.size(), 2U);
}

TEST(DisplayPower, TheMethodThatWorkedIsTriedFirstUntilItFails) {
    FakeScript cec, drm;
    cec.refuse_set = true;
    DisplayPowerChain chain(methods(cec, drm));
    EXPECT_EQ(chain.set(false).method, "drm");
    const int cec_tries = cec.sets;
    const DisplayPowerReport on = chain.set(true);
    EXPECT_EQ(on.method, "drm");
    EXPECT_TRUE(on.display_on);
    EXPECT_EQ(cec.sets, cec_tries) << "the failing method was tried again before the working one";
    // The working one breaks (the monitor was swapped): the others are tried in their order.
    drm.refuse_set = true;
    cec.refuse_set = false;
    EXPECT_EQ(chain.set(false).method, "cec");
}

TEST(DisplayPower, AMethodWhoseOffWasNotVerifiedIsTurnedOnAgain) {
    // The TV went to standby but does not answer: the chain moved on to DPMS. Turning on must
    // wake the TV too, not just DPMS.
    FakeScript cec, drm;
    cec.refuse_read = true;
    DisplayPowerChain chain(methods(cec, drm));
    EXPECT_EQ(chain.set(false).method, "drm");
    const int cec_sets = cec.sets;
    EXPECT_EQ(chain.set(true).method, "drm");
    EXPECT_EQ(cec.sets, cec_sets + 1) << "the TV was left in standby";
}

TEST(DisplayPower, RunsOnAThreadOfItsOwn) {
    FakeScript cec, drm;
    DisplayPower power(methods(cec, drm));
    EXPECT_FALSE(power.take_report().has_value());
    power.want(false);
    std::optional<DisplayPowerReport> report;
    for (int i = 0; i < 500 && !report; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        report = power.take_report();
    }
    ASSERT_TRUE(report.has_value());
    EXPECT_FALSE(report->display_on);
    EXPECT_EQ(report->method, "cec");
    EXPECT_FALSE(power.take_report().has_value()) << "a report is taken once";
}

}  // namespace
}  // namespace placard
