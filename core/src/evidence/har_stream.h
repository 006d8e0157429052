// Splits a HAR document into its entries as the bytes arrive, so that only one entry is ever
// held and parsed at a time: memory stays bounded by the largest entry (plus, outside the
// entries, the member names of the open objects, kept to reject duplicates), not the whole HAR.
// A resumable, linear, non-recursive scanner: the document is checked for JSON structure
// (brackets, separators, strings, nesting depth) and each entry's text is handed out whole for a
// full parse.
#ifndef PORTAL_CHECK_EVIDENCE_HAR_STREAM_H_
#define PORTAL_CHECK_EVIDENCE_HAR_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "portal_check/status.h"

namespace portal_check {

// One element of log.pages: its id, title and startedDateTime when they are strings ("" when
// absent or of another type), each cut to limits::kMaxUrlBytes; invalid UTF-8 is kept as is (the
// consumer sanitises).
struct HarPage {
  std::string id;
  std::string title;
  std::string started;
};

// What HarStream reads of the log besides its entries.
struct HarLogInfo {
  std::string creator_name, creator_version;  // log.creator.name / .version ("" when absent)
  // log.pages in order, at most limits::kMaxHarPages (the rest are scanned, not kept).
  std::vector<HarPage> pages;
  bool pages_seen = false;            // log.pages was an array and was read completely
  bool pages_before_entries = false;  // ...and it ended before the first element of log.entries
  bool pages_cut = false;             // log.pages had more than limits::kMaxHarPages elements
  // log._portalCheck.stopped: why the capture that wrote this HAR stopped before it was complete
  // (its request or byte budget), as it said it; "" when it did not say so.
  std::string capture_stopped;
};

class HarStream {
 public:
  // Called with the complete JSON text of each element of log.entries, in order. A non-OK status
  // stops the stream and is returned by Feed.
  using EntrySink = std::function<Status(std::string_view entry_json)>;

  // Called, in entry order, for each element of log.entries that was skipped instead of handed to
  // the EntrySink: `limit` names the limit it went past ("kMaxEntryBytes" or "kMaxJsonDepth").
  using SkipSink = std::function<void(const char* limit)>;

  // With a SkipSink set, an entry over limits::kMaxEntryBytes or nested deeper than
  // limits::kMaxJsonDepth is skipped as it streams (its bytes are scanned, never held) and the
  // stream goes on with the next entry. Without one (the default), such an entry is an error.
  void SetSkipSink(SkipSink on_skip) { on_skip_ = std::move(on_skip); }

  // Consumes the next bytes of the document (any split, even inside a string or a UTF-8
  // sequence). Errors: kInvalidArgument naming the byte offset (not JSON, not a HAR, malformed
  // structure, an object outside the entries with two members of the same name:
  // "duplicate member 'log' at byte N", N the offset of the second name), kResourceExhausted (nesting over limits::kMaxJsonDepth outside an entry; inside
  // one, or an entry over limits::kMaxEntryBytes, when no SkipSink is set), or whatever `sink`
  // returned. After an error, every call fails. Inside a skipped entry, brackets nested past the
  // depth limit are only counted, not matched.
  Status Feed(std::string_view bytes, const EntrySink& sink);
  // Declares the input complete. Errors: kInvalidArgument when the document is empty, truncated,
  // or has no log.entries array.
  Status End();
  // log._portalCheck.target when the document had it (read once that member is complete).
  const std::string& declared_target() const { return declared_target_; }
  // log.creator and log.pages, filled as those members complete. Each is held like an entry (at
  // most limits::kMaxEntryBytes per page object or creator) and read with json::ParseBounded. A
  // malformed member is ignored, not an error: a creator that is not an object leaves the names
  // ""; log.pages that is not an array, or has an element that is not a readable JSON object,
  // leaves `pages` empty and `pages_seen` false.
  const HarLogInfo& log_info() const { return log_info_; }
  // For tests: when false, every byte inside an entry goes through the byte-at-a-time scanner
  // (Step) instead of the entry scanner (ScanInEntry); the two must give the same entries, log
  // members and errors (offsets and words) for any input and any chunking.
  void SetEntryScanner(bool on) { entry_scanner_ = on; }

 private:
  enum class Expect { kRoot, kKeyOrClose, kKey, kColon, kValue, kValueOrClose, kCommaOrClose, kDone };
  struct Level {
    char open;                // '{' or '['
    std::string key_in_parent;  // the member name this container is the value of ("" for arrays' items)
    // An object outside entries: the names of its members so far (decoded), and the hashes of
    // those too long to keep (see EndName).
    std::set<std::string> names;
    std::set<std::uint64_t> long_names;
  };

  Status Fail(Status s);
  Status Step(char c, const EntrySink& sink);
  // Inside an entry being collected (not skipped, no log member open, not past the depth limit):
  // scans bytes[i..] as Step would, in a tight loop that neither copies byte by byte nor builds
  // what only the log's own levels need, and returns where it stopped: the end of `bytes`, or
  // the first byte it leaves to Step (the end of the entry, a byte that is an error, a bracket at
  // the depth limit, the entry's size limit). The state it leaves is Step's for the bytes before.
  std::size_t ScanInEntry(std::string_view bytes, std::size_t i);
  // Adds bytes that Step would only capture (plain string content, white space between tokens)
  // to the entry and _portalCheck member being collected, with their limits, as Step would.
  Status Capture(std::string_view run);
  Status BeginValue(char c, const EntrySink& sink);
  Status StepDeep(char c, const EntrySink& sink);  // inside a skipped value nested past the limit
  bool SkipEntry(const char* limit);               // false when no SkipSink is set
  Status EndValue(const EntrySink& sink);  // a value at the current depth just ended
  void AddToName(std::string_view raw);    // more of the member name being read
  // The member name just ended: outside entries it is decoded and checked against the object's
  // earlier names (a duplicate is an error).
  Status EndName();
  bool AtEntryDepth() const;               // the next value is an element of log.entries
  // Which member of the log (if any) the value about to begin is captured as.
  enum class Member { kNone, kPortalCheck, kCreator, kPage };
  Member MemberAt() const;
  void AddToMember(std::string_view bytes);  // drops the member once it is over its bound
  void ReadMember();                         // the captured member is complete

  Status error_;
  std::size_t offset_ = 0;       // bytes consumed so far
  Expect expect_ = Expect::kRoot;
  std::vector<Level> stack_;
  bool in_string_ = false, escape_ = false, in_literal_ = false;
  bool string_is_key_ = false;
  // The member name being read outside entries: its raw JSON text (the first kMaxNameBytes),
  // whether it was longer, a hash of all of it, and the offset of its opening quote.
  std::string key_;
  bool name_long_ = false;
  std::uint64_t name_hash_ = 0;
  std::size_t name_at_ = 0;
  std::string pending_key_;      // the last complete member name (decoded) at the current level
  bool saw_log_ = false, saw_entries_ = false;
  // The entry being collected: its bytes so far, and the depth it started at.
  bool in_entry_ = false;
  std::size_t entry_depth_ = 0;
  std::string entry_;
  // The entry is being skipped (entry_ stays empty): the limit it went past, else nullptr.
  const char* entry_skip_ = nullptr;
  // Levels open past limits::kMaxJsonDepth inside a skipped entry (brackets counted, not kept).
  std::size_t deep_ = 0;
  SkipSink on_skip_;
  bool entries_begun_ = false;  // an element of log.entries has begun
  // The log member being captured (_portalCheck, creator, one element of pages): its bytes so
  // far and the depth it started at.
  Member member_ = Member::kNone;
  std::size_t member_depth_ = 0;
  std::string member_text_;
  // log.pages is open (its elements are captured one at a time); `pages_broken_` once one of
  // them could not be read.
  bool pages_open_ = false, pages_broken_ = false;
  std::string declared_target_;
  HarLogInfo log_info_;
  bool entry_scanner_ = true;  // see SetEntryScanner
};

}  // namespace portal_check

#endif  // PORTAL_CHECK_EVIDENCE_HAR_STREAM_H_
