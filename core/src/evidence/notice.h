// A notice: something the engine could not fully audit (a limit was reached, a field was
// malformed). Notices are listed in the report so nothing is dropped silently.
#ifndef PORTAL_CHECK_EVIDENCE_NOTICE_H_
#define PORTAL_CHECK_EVIDENCE_NOTICE_H_

#include <optional>
#include <string>
#include <vector>

namespace portal_check {

struct Notice {
  std::string code;                  // stable: the limit's name ("kMaxBodyBytes") or a problem id
  std::optional<std::size_t> entry;  // the HAR entry index it is about, when any
  std::string message;               // English, one sentence
};

using Notices = std::vector<Notice>;

// Appends `notice` while fewer than limits::kMaxNotices are kept. The first notice past the limit
// is replaced by one notice with code "kMaxNotices" saying later ones were dropped; any further
// notice is dropped. So a report holds at most kMaxNotices + 1 notices and never drops silently.
void AppendNotice(Notices& notices, Notice notice);

}  // namespace portal_check

#endif  // PORTAL_CHECK_EVIDENCE_NOTICE_H_
