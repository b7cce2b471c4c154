// An early-warning alert in CAP 1.2 (OASIS Common Alerting Protocol, the format behind GB/T
// 35965.1 突发事件预警信息), read into an urgent notice for one screen's area (issue 14). The
// admin's tool signs the result like any notice (`placard-tool notice --from-cap`).
//
// Read with expat and nothing else: no DTD at all (a document with <!DOCTYPE is refused, so no
// entity is ever defined or expanded), no external entity loaded, no network; at most 1 MiB.
//
// Mapping: the alert's identifier names the notice (an Update or a Cancel names the alert it
// refers to, so it updates or ends the same notice); sent is issued; severity Extreme or Severe
// is urgent (the whole screen), Moderate a warning band, Minor or Unknown an information band;
// the info block in Chinese (or else the first) gives the title (headline, else event) and the
// text (description, then instruction, as paragraphs); effective the start; expires
// the end (24 hours after sent when it has none, at most 31 days). Only "Actual" alerts (and
// "Exercise", when asked for: a drill) of type Alert, Update or Cancel are taken.
#pragma once

#include <string>
#include <string_view>

#include "core/notice.hpp"
#include "core/result.hpp"

namespace placard {

struct CapOptions {
    // The screen's administrative division code (GB/T 2260, six digits, or twelve): the alert
    // must name it, or a division containing it (620000 contains 621121), in an area's geocode.
    std::string area;
    bool exercises = false;  // Take status "Exercise" (演练) alerts too.
};

// The notice for `xml`, or why there is none ("not for area 621121", "status Test: not an
// actual alert", "line 3: <!DOCTYPE is not taken"), each message starting with `origin`.
Result<Notice> read_cap_alert(std::string_view xml, std::string_view origin,
                              const CapOptions& options);

}  // namespace placard
