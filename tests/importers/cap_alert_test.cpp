// CAP 1.2 early-warning alerts into notices (issue 14): severity to level, the area filter by
// division code, updates and cancels of the same notice, and what is refused — a DOCTYPE (no
// entity is ever expanded or loaded), tests and drafts, other namespaces, bad XML.
#include "importers/cap_alert.hpp"

#include <gtest/gtest.h>

namespace placard {
namespace {

// A rainstorm warning for 定西市 (621100), as a provincial early-warning platform sends it.
std::string alert(const std::string& severity = "Severe", const std::string& msg_type = "Alert",
                  const std::string& status = "Actual", const std::string& extra = "",
                  const std::string& identifier = "62110041600000_20261127090000") {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>)" +
           identifier + R"(</identifier>
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
    // The city itself and a town's twelve-digit code within the county (the alert names the
    // whole city) are served; another county and another city of the province are not.
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
    // An alert for the whole province (620000) covers the county; one for a town (twelve digits)
    // covers that town, not the county around it; levels count, not bare digits: 621120 is
    // not inside 62112x.
    auto with_code = [](const std::string& code) {
        std::string text = alert();
        text.replace(text.find("<value>621100</value>"), 21, "<value>" + code + "</value>");
        return text;
    };
    EXPECT_TRUE(read_cap_alert(with_code("620000"), "a", tongwei()));
    EXPECT_FALSE(read_cap_alert(with_code("621121100000"), "a", tongwei()));
    EXPECT_TRUE(read_cap_alert(with_code("621121100000"), "a", CapOptions{"621121100201", false}));
    EXPECT_FALSE(read_cap_alert(with_code("621120"), "a", tongwei()));
    EXPECT_EQ(read_cap_alert(alert(), "a", CapOptions{"62112", false}).error().message,
              "a: --area \"62112\" is not a division code (GB/T 2260: six or twelve digits)");
}

TEST(CapAlert, AnUpdateOrCancelChangesTheNoticeOfTheAlertItRefersTo) {
    // Each message has an identifier of its own; an update that lists the alert and an earlier
    // update (in any order) changes the alert's notice.
    const std::string references =
        "\n  <references>定西市气象台,62110041600000_20261127103000,2026-11-27T10:30:00+08:00\n"
        "    定西市气象台,62110041600000_20261127090000,2026-11-27T09:00:00+08:00</references>";
    const auto cancel = read_cap_alert(
        alert("Severe", "Cancel", "Actual", references, "62110041600000_20261127120000"), "c",
        tongwei());
    ASSERT_TRUE(cancel) << cancel.error().message;
    EXPECT_TRUE(cancel->cancel);
    EXPECT_EQ(cancel->id, "cap-62110041600000_20261127090000");
    EXPECT_EQ(cancel->all_clear, "定西市气象台发布暴雨橙色预警");  // The cancel's own headline.
    const auto update = read_cap_alert(
        alert("Extreme", "Update", "Actual", references, "62110041600000_20261127110000"), "u",
        tongwei());
    ASSERT_TRUE(update);
    EXPECT_FALSE(update->cancel);
    EXPECT_EQ(update->id, cancel->id);
    // Without a reference an update cannot know what it changes: refused.
    EXPECT_EQ(read_cap_alert(alert("Severe", "Update", "Actual", "", "x2"), "u", tongwei())
                  .error()
                  .message,
              "u: references: an Update must name the alert it follows (sender,identifier,sent)");
}

// An alert in two parts: red for 通渭县, yellow for 陇西县 (621122). Each screen shows its own.
TEST(CapAlert, EachScreenTakesTheInfoForItsArea) {
    std::string two = alert();
    const std::string yellow = R"(
  <info>
    <language>zh-CN</language><event>暴雨</event><severity>Minor</severity>
    <headline>陇西县暴雨黄色预警</headline>
    <area><areaDesc>陇西县</areaDesc><geocode><valueName>GB/T 2260</valueName><value>621122</value></geocode></area>
  </info>
</alert>)";
    two.replace(two.find("</alert>"), 8, yellow);
    two.replace(two.find("<value>621100</value>"), 21, "<value>621121</value>");
    EXPECT_EQ(read_cap_alert(two, "a", tongwei())->level, NoticeLevel::Urgent);
    const auto longxi = read_cap_alert(two, "a", CapOptions{"621122", false});
    ASSERT_TRUE(longxi);
    EXPECT_EQ(longxi->level, NoticeLevel::Information);
    EXPECT_EQ(longxi->title, "陇西县暴雨黄色预警");
}

TEST(CapAlert, TestsDraftsAndExercisesAreNotShownUnlessAskedFor) {
    EXPECT_EQ(read_cap_alert(alert("Severe", "Alert", "Test"), "t", tongwei()).error().message,
              "t: status \"Test\": not an actual alert");
    std::string restricted = alert();
    restricted.replace(restricted.find("<scope>Public</scope>"), 21, "<scope>Restricted</scope>");
    EXPECT_EQ(read_cap_alert(restricted, "t", tongwei()).error().message,
              "t: scope \"Restricted\": only Public alerts are shown in a lobby");
    // A value quoted in a message stays on one line.
    EXPECT_EQ(read_cap_alert(alert("Severe", "Alert", "Ac\ntual"), "t", tongwei()).error().message,
              "t: status \"Ac\\x0atual\": not an actual alert");
    EXPECT_FALSE(read_cap_alert(alert("Severe", "Alert", "Exercise"), "t", tongwei()));
    EXPECT_TRUE(
        read_cap_alert(alert("Severe", "Alert", "Exercise"), "t", CapOptions{"621121", true}));
    EXPECT_EQ(read_cap_alert(alert("Severe", "Ack"), "t", tongwei()).error().message,
              "t: msgType \"Ack\": only Alert, Update and Cancel are shown");
}

TEST(CapAlert, NoDoctypeNoEntitiesNoOtherNamespaceNoBrokenXml) {
    const std::string laughs = R"(<?xml version="1.0"?>
<!DOCTYPE alert [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&b;</identifier></alert>)";
    EXPECT_EQ(read_cap_alert(laughs, "x", tongwei()).error().message,
              "x: line 2: <!DOCTYPE is not taken (a CAP alert has none)");
    std::string external = alert();
    external.insert(external.find("<alert"),
                    "<!DOCTYPE alert SYSTEM \"http://example.com/cap.dtd\">\n");
    EXPECT_EQ(read_cap_alert(external, "x", tongwei()).error().message,
              "x: line 2: <!DOCTYPE is not taken (a CAP alert has none)");
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
    // Identifiers that differ only in characters an id cannot hold stay apart.
    const auto first =
        read_cap_alert(alert("Severe", "Alert", "Actual", "", "预警1"), "x", tongwei());
    const auto second =
        read_cap_alert(alert("Severe", "Alert", "Actual", "", "警报1"), "x", tongwei());
    ASSERT_TRUE(first && second);
    EXPECT_NE(first->id, second->id);
    // A long headline is cut on a character to the 200 bytes a title may have.
    std::string headline = alert();
    headline.replace(headline.find("定西市气象台发布暴雨橙色预警"), 0, many.substr(0, 600));
    const auto titled = read_cap_alert(headline, "x", tongwei());
    ASSERT_TRUE(titled) << titled.error().message;
    EXPECT_LE(titled->title.size(), 200u);
    EXPECT_TRUE(titled->title.ends_with("……"));
}

}  // namespace
}  // namespace placard
