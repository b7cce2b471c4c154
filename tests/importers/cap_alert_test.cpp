// CAP 1.2 early-warning alerts into notices (issue 14): severity to level, the area filter by
// division code, updates and cancels of the same notice, and what is refused — a DOCTYPE (no
// entity is ever expanded or loaded), tests and drafts, other namespaces, bad XML.
#include "importers/cap_alert.hpp"

#include <gtest/gtest.h>

namespace placard {
namespace {

// A rainstorm warning for 定西市 (621100), as a provincial early-warning platform sends it.
std::string alert(const std::string& severity = "Severe", const std::string& msg_type = "Alert",
                  const std::string& status = "Actual", const std::string& extra = "") {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>62110041600000_20261127090000</identifier>
  <sender>定西市气象台</sender>
  <sent>2026-11-27T09:00:00+08:00</sent>
  <status>)" +
           status + R"(</status>
  <msgType>)" +
           msg_type + R"(</msgType>
  <scope>Public</scope>)" +
           extra + R"(
  <info>
    <language>en-US</language>
    <event>Rainstorm</event>
    <severity>Minor</severity>
    <headline>Rainstorm warning</headline>
    <area><areaDesc>Dingxi</areaDesc></area>
  </info>
  <info>
    <language>zh-CN</language>
    <category>Met</category>
    <event>暴雨</event>
    <urgency>Immediate</urgency>
    <severity>)" +
           severity + R"(</severity>
    <certainty>Likely</certainty>
    <effective>2026-11-27T09:10:00+08:00</effective>
    <expires>2026-11-27T21:00:00+08:00</expires>
    <headline>定西市气象台发布暴雨橙色预警</headline>
    <description>预计未来六小时定西市将出现暴雨。</description>
    <instruction>请减少外出，远离河道。</instruction>
    <area>
      <areaDesc>定西市</areaDesc>
      <geocode><valueName>GB/T 2260</valueName><value>621100</value></geocode>
    </area>
  </info>
</alert>
)";
}

CapOptions tongwei() {
    return CapOptions{"621121", false};  // 通渭县, in 定西市.
}

TEST(CapAlert, ASevereWarningForTheCountysCityIsAnUrgentNotice) {
    const auto notice = read_cap_alert(alert(), "alert.xml", tongwei());
    ASSERT_TRUE(notice) << notice.error().message;
    EXPECT_EQ(notice->id, "cap-62110041600000_20261127090000");
    EXPECT_EQ(notice->level, NoticeLevel::Urgent);
    EXPECT_EQ(notice->title, "定西市气象台发布暴雨橙色预警");  // The Chinese info, not the first.
    EXPECT_EQ(notice->text, "预计未来六小时定西市将出现暴雨。\n请减少外出，远离河道。");
    EXPECT_EQ(format_rfc3339(notice->issued), "2026-11-27T09:00:00+08:00");
    ASSERT_TRUE(notice->starts);
    EXPECT_EQ(format_rfc3339(*notice->starts), "2026-11-27T09:10:00+08:00");
    EXPECT_EQ(format_rfc3339(notice->expires), "2026-11-27T21:00:00+08:00");
    EXPECT_EQ(read_cap_alert(alert("Moderate"), "alert.xml", tongwei())->level,
              NoticeLevel::Warning);
    EXPECT_EQ(read_cap_alert(alert("Minor"), "alert.xml", tongwei())->level,
              NoticeLevel::Information);
}

TEST(CapAlert, OnlyTheAreaAndTheDivisionsItContainsAreServed) {
    // The province (620000) and the city itself are served; another county, another province,
    // and a town's twelve-digit code within the county (the alert names the whole city) too.
    EXPECT_TRUE(read_cap_alert(alert(), "a", CapOptions{"621100", false}));
    EXPECT_TRUE(read_cap_alert(alert(), "a", CapOptions{"621121100000", false}));
    const auto elsewhere = read_cap_alert(alert(), "a", CapOptions{"620102", false});
    ASSERT_FALSE(elsewhere);
    EXPECT_EQ(elsewhere.error().kind, ErrorKind::NotFound);
    EXPECT_EQ(elsewhere.error().message,
              "a: not for area 620102 (none of its areas' geocodes is that division or contains "
              "it)");
    // Another city of the province (陇南市) is not in it.
    EXPECT_FALSE(read_cap_alert(alert(), "a", CapOptions{"621200", false}));
    EXPECT_EQ(read_cap_alert(alert(), "a", CapOptions{"62112", false}).error().message,
              "a: --area \"62112\" is not a division code (GB/T 2260: six or twelve digits)");
}

TEST(CapAlert, AnUpdateOrCancelChangesTheNoticeOfTheAlertItRefersTo) {
    const std::string references =
        "\n  <references>定西市气象台,62110041600000_20261127090000,2026-11-27T09:00:00+08:00"
        "</references>";
    const auto cancel =
        read_cap_alert(alert("Severe", "Cancel", "Actual", references), "c", tongwei());
    ASSERT_TRUE(cancel) << cancel.error().message;
    EXPECT_TRUE(cancel->cancel);
    EXPECT_EQ(cancel->id, "cap-62110041600000_20261127090000");
    EXPECT_EQ(cancel->all_clear, "预计未来六小时定西市将出现暴雨。");
    const auto update =
        read_cap_alert(alert("Extreme", "Update", "Actual", references), "u", tongwei());
    ASSERT_TRUE(update);
    EXPECT_FALSE(update->cancel);
    EXPECT_EQ(update->id, cancel->id);
}

TEST(CapAlert, TestsDraftsAndExercisesAreNotShownUnlessAskedFor) {
    EXPECT_EQ(read_cap_alert(alert("Severe", "Alert", "Test"), "t", tongwei()).error().message,
              "t: status Test: not an actual alert");
    EXPECT_FALSE(read_cap_alert(alert("Severe", "Alert", "Exercise"), "t", tongwei()));
    EXPECT_TRUE(
        read_cap_alert(alert("Severe", "Alert", "Exercise"), "t", CapOptions{"621121", true}));
    EXPECT_EQ(read_cap_alert(alert("Severe", "Ack"), "t", tongwei()).error().message,
              "t: msgType Ack: only Alert, Update and Cancel are shown");
}

TEST(CapAlert, NoDoctypeNoEntitiesNoOtherNamespaceNoBrokenXml) {
    const std::string laughs = R"(<?xml version="1.0"?>
<!DOCTYPE alert [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&b;</identifier></alert>)";
    EXPECT_EQ(read_cap_alert(laughs, "x", tongwei()).error().message,
              "x: line 2: <!DOCTYPE is not taken (a CAP alert has none)");
    const std::string external = R"(<?xml version="1.0"?>
<!DOCTYPE alert SYSTEM "http://example.com/cap.dtd">
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"/>)";
    EXPECT_FALSE(read_cap_alert(external, "x", tongwei()));
    std::string old = alert();
    old.replace(old.find("cap:1.2"), 7, "cap:1.1");
    EXPECT_EQ(read_cap_alert(old, "x", tongwei()).error().message,
              "x: not a CAP 1.2 alert (its root is not <alert> in "
              "urn:oasis:names:tc:emergency:cap:1.2)");
    const auto broken =
        read_cap_alert("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">", "x", tongwei());
    ASSERT_FALSE(broken);
    EXPECT_NE(broken.error().message.find("not well-formed XML"), std::string::npos);
}

TEST(CapAlert, LongTextIsCutOnACharacterAndLongIdsKeepAHash) {
    std::string big = alert();
    big.replace(big.find("预计未来六小时"), 0, std::string(3000, 'x') + std::string(600, '\0'));
    // (No NUL may stand in XML: the document is refused rather than cut.)
    EXPECT_FALSE(read_cap_alert(big, "x", tongwei()));
    std::string wordy = alert();
    std::string many;
    for (int i = 0; i < 2000; ++i) {
        many += "雨";
    }
    wordy.replace(wordy.find("预计未来六小时"), 0, many);
    const auto cut = read_cap_alert(wordy, "x", tongwei());
    ASSERT_TRUE(cut) << cut.error().message;
    EXPECT_LE(cut->text.size(), 4000u);
    EXPECT_TRUE(cut->text.ends_with("……"));
    std::string long_id = alert();
    long_id.replace(long_id.find("62110041600000_"), 0, std::string(80, 'A'));
    const auto hashed = read_cap_alert(long_id, "x", tongwei());
    ASSERT_TRUE(hashed);
    EXPECT_EQ(hashed->id.size(), 64u);
}

}  // namespace
}  // namespace placard
