// Reading the members of a HAR's log that HarStream captures besides its entries
// (log._portalCheck, log.creator, the elements of log.pages), each from its own JSON text.
#ifndef PORTAL_CHECK_EVIDENCE_HAR_LOG_MEMBERS_H_
#define PORTAL_CHECK_EVIDENCE_HAR_LOG_MEMBERS_H_

#include <string>
#include <string_view>

#include "evidence/har_stream.h"

namespace portal_check {

// log._portalCheck.target: the string, or "" when the text is not a readable object holding one.
std::string ReadDeclaredTarget(std::string_view portal_check_json);

// log._portalCheck.stopped: the capture's own word on why it stopped early (hostile text: made
// valid UTF-8 and cut to 500 bytes), or "" when absent, not a string, or the text is unreadable.
std::string ReadCaptureStopped(std::string_view portal_check_json);

// log.creator: sets info.creator_name / creator_version from its string members (cut to
// limits::kMaxUrlBytes; "" when absent or not strings). Returns false, leaving both "", when the
// text is not a readable JSON object.
bool ReadHarCreator(std::string_view creator_json, HarLogInfo& info);

// One element of log.pages: its id, title and startedDateTime strings (cut to
// limits::kMaxUrlBytes; "" when absent or not strings). Returns false when the text is not a
// readable JSON object (`page` is then unspecified).
bool ReadHarPage(std::string_view page_json, HarPage& page);

}  // namespace portal_check

#endif  // PORTAL_CHECK_EVIDENCE_HAR_LOG_MEMBERS_H_
