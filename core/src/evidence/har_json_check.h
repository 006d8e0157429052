// Reads a HAR document's JSON exactly as an audit does, without auditing it: the document's
// structure through HarStream (duplicate member names outside the entries included) and each
// entry's text through json::ParseBounded. For hosts that must also read the document with another
// JSON reader (the evidence-bundle path reads it with JSON.parse, which silently keeps the last of
// two members of the same name): they run this first, so that a document the two readers would
// see differently is refused with the audit's own message.
#ifndef PORTAL_CHECK_EVIDENCE_HAR_JSON_CHECK_H_
#define PORTAL_CHECK_EVIDENCE_HAR_JSON_CHECK_H_

#include <cstddef>
#include <string_view>

#include "evidence/har_stream.h"
#include "portal_check/status.h"

namespace portal_check {

class HarJsonCheck {
 public:
  HarJsonCheck();
  // Consumes the next bytes of the document (any split). Returns the first error an audit of the
  // same bytes would stop on at this point: HarStream's (see HarStream::Feed) or, for an entry
  // whose JSON cannot be read, "entry N: <json::ParseBounded's message>" with its code (as
  // ReadHarEntry words it). Entries an audit skips (past limits::kMaxEntryBytes or
  // limits::kMaxJsonDepth, or after the first limits::kMaxEntries) are not read. After an error,
  // every call fails with it.
  Status Feed(std::string_view bytes);
  // Declares the input complete: HarStream::End's errors (empty, truncated, no log.entries).
  Status End();

 private:
  HarStream stream_;
  std::size_t entries_ = 0;  // elements of log.entries seen, skipped ones included
};

}  // namespace portal_check

#endif  // PORTAL_CHECK_EVIDENCE_HAR_JSON_CHECK_H_
