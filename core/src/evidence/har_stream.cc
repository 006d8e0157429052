#include "evidence/har_stream.h"

#include <algorithm>
#include <cstdint>

#include "evidence/har_log_members.h"
#include "evidence/limits.h"
#include "util/json_scan.h"

namespace portal_check {
namespace {

// Member names outside entries longer than this (as raw JSON text) are told apart by a 64-bit
// hash of their text instead of their decoded value (no HAR member name comes close).
constexpr std::size_t kMaxNameBytes = 4096;
constexpr std::size_t kMaxMetaBytes = 64 * 1024;  // log._portalCheck; larger is ignored

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool IsLiteralChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'E';
}

Status EntryTooLarge() {
  return Status::Exhausted("a HAR entry is larger than " + std::to_string(limits::kMaxEntryBytes) +
                           " bytes (limit kMaxEntryBytes)");
}

}  // namespace

Status HarStream::Fail(Status s) {
  error_ = s;
  return s;
}

bool HarStream::AtEntryDepth() const {
  return stack_.size() == 3 && stack_[1].open == '{' && stack_[1].key_in_parent == "log" && stack_[2].open == '[' &&
         stack_[2].key_in_parent == "entries";
}

void HarStream::AddToName(std::string_view raw) {
  if (in_entry_) return;  // names inside entries are the entry parser's business
  for (const char c : raw) name_hash_ = (name_hash_ ^ static_cast<unsigned char>(c)) * 0x100000001b3u;  // FNV-1a
  const std::size_t room = kMaxNameBytes - std::min(key_.size(), kMaxNameBytes);
  key_.append(raw.substr(0, room));
  if (raw.size() > room) name_long_ = true;
}

Status HarStream::EndName() {
  expect_ = Expect::kColon;
  if (in_entry_) return Status::Ok();
  std::string name = key_;
  if (json::Value decoded; !name_long_ && json::ParseBounded("\"" + key_ + "\"", 1, decoded).ok())
    name = std::move(decoded.get<std::string>());  // a name with a bad escape stays as written
  Level& level = stack_.back();
  const bool fresh = name_long_ ? level.long_names.insert(name_hash_).second : level.names.insert(name).second;
  if (!fresh) return Fail(Status::Invalid(json::DuplicateMemberMessage(name, name_at_)));
  pending_key_ = name_long_ ? std::string() : std::move(name);
  return Status::Ok();
}

HarStream::Member HarStream::MemberAt() const {
  if (stack_.size() == 3 && pages_open_) return Member::kPage;
  if (stack_.size() != 2 || stack_[1].open != '{' || stack_[1].key_in_parent != "log") return Member::kNone;
  if (pending_key_ == "_portalCheck") return Member::kPortalCheck;
  if (pending_key_ == "creator") return Member::kCreator;
  return Member::kNone;
}

void HarStream::AddToMember(std::string_view bytes) {
  const std::size_t bound = member_ == Member::kPortalCheck ? kMaxMetaBytes : limits::kMaxEntryBytes;
  if (member_text_.size() + bytes.size() <= bound) {
    member_text_.append(bytes);
    return;
  }
  if (member_ == Member::kPage) pages_broken_ = true;
  member_ = Member::kNone;  // an oversized member is ignored
  std::string().swap(member_text_);
}

void HarStream::ReadMember() {
  switch (member_) {
    case Member::kPortalCheck:
      declared_target_ = ReadDeclaredTarget(member_text_);
      log_info_.capture_stopped = ReadCaptureStopped(member_text_);
      break;
    case Member::kCreator:
      ReadHarCreator(member_text_, log_info_);
      break;
    case Member::kPage:
      if (HarPage page; ReadHarPage(member_text_, page)) log_info_.pages.push_back(std::move(page));
      else pages_broken_ = true;
      break;
    case Member::kNone:
      break;
  }
  member_ = Member::kNone;
  member_text_.clear();
}

Status HarStream::EndValue(const EntrySink& sink) {
  if (in_entry_ && stack_.size() == entry_depth_) {
    in_entry_ = false;
    if (entry_skip_) {
      on_skip_(entry_skip_);
      entry_skip_ = nullptr;
    } else if (Status s = sink(entry_); !s.ok()) {
      return Fail(s);
    }
    entry_.clear();
  }
  if (member_ != Member::kNone && stack_.size() == member_depth_) ReadMember();
  if (pages_open_ && stack_.size() == 2) {  // log.pages has ended
    pages_open_ = false;
    log_info_.pages_seen = !pages_broken_;
    log_info_.pages_before_entries = !pages_broken_ && !entries_begun_;
    if (pages_broken_) {
      log_info_.pages.clear();
      log_info_.pages_cut = false;
    }
  }
  expect_ = stack_.empty() ? Expect::kDone : Expect::kCommaOrClose;
  return Status::Ok();
}

Status HarStream::BeginValue(char c, const EntrySink& sink) {
  if (AtEntryDepth() && !in_entry_) {
    in_entry_ = true;
    entry_depth_ = stack_.size();
    entry_.assign(1, c);
    entries_begun_ = true;
  }
  if (const Member m = member_ == Member::kNone ? MemberAt() : Member::kNone; m != Member::kNone) {
    if (m == Member::kPage && log_info_.pages.size() >= limits::kMaxHarPages) {
      log_info_.pages_cut = true;  // scanned, not kept
    } else if (!(m == Member::kPage && pages_broken_)) {
      member_ = m;
      member_depth_ = stack_.size();
      member_text_.assign(1, c);
    }
  }
  if (c == '{' || c == '[') {
    if (stack_.size() >= limits::kMaxJsonDepth && in_entry_ && (entry_skip_ || SkipEntry("kMaxJsonDepth"))) {
      deep_ = 1;
      return Status::Ok();
    }
    if (stack_.size() >= limits::kMaxJsonDepth)
      return Fail(Status::Exhausted("JSON nested deeper than " + std::to_string(limits::kMaxJsonDepth) +
                                    " levels (limit kMaxJsonDepth) at byte " + std::to_string(offset_)));
    const bool member = !stack_.empty() && stack_.back().open == '{' && !in_entry_;
    Level& level = stack_.emplace_back();
    level.open = c;
    if (member) level.key_in_parent = pending_key_;
    if (stack_.size() == 2 && c == '{' && stack_[1].key_in_parent == "log") saw_log_ = true;
    if (AtEntryDepth()) saw_entries_ = true;
    if (stack_.size() == 3 && c == '[' && stack_[1].key_in_parent == "log" && stack_[2].key_in_parent == "pages" &&
        stack_[1].open == '{') {
      pages_open_ = true;
      pages_broken_ = false;
    }
    expect_ = c == '{' ? Expect::kKeyOrClose : Expect::kValueOrClose;
    return Status::Ok();
  }
  if (c == '"') {
    in_string_ = true;
    string_is_key_ = false;
    return Status::Ok();
  }
  if (IsLiteralChar(c)) {
    in_literal_ = true;
    return Status::Ok();
  }
  return Fail(Status::Invalid("invalid JSON token at byte " + std::to_string(offset_)));
}

bool HarStream::SkipEntry(const char* limit) {
  if (!on_skip_) return false;
  entry_skip_ = limit;
  std::string().swap(entry_);  // give the memory back now
  return true;
}

Status HarStream::StepDeep(char c, const EntrySink& sink) {
  if (in_string_) {
    if (escape_) escape_ = false;
    else if (c == '\\') escape_ = true;
    else if (c == '"') in_string_ = false;
    return Status::Ok();
  }
  if (c == '"') {
    in_string_ = true;
    string_is_key_ = false;
  } else if (c == '{' || c == '[') {
    ++deep_;
  } else if ((c == '}' || c == ']') && --deep_ == 0) {
    return EndValue(sink);  // the value opened past the limit has ended
  }
  return Status::Ok();
}

Status HarStream::Step(char c, const EntrySink& sink) {
  if (in_entry_ && !entry_skip_) {
    entry_.push_back(c);
    if (entry_.size() > limits::kMaxEntryBytes && !SkipEntry("kMaxEntryBytes")) return Fail(EntryTooLarge());
  }
  if (member_ != Member::kNone) AddToMember(std::string_view(&c, 1));
  if (deep_ > 0) return StepDeep(c, sink);
  if (in_string_) {
    if (escape_) {
      escape_ = false;
    } else if (c == '\\') {
      escape_ = true;
    } else if (c == '"') {
      in_string_ = false;
      if (string_is_key_) return EndName();
      return EndValue(sink);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      return Fail(Status::Invalid("control character inside a JSON string at byte " + std::to_string(offset_)));
    }
    if (string_is_key_) AddToName(std::string_view(&c, 1));
    return Status::Ok();
  }
  if (in_literal_) {
    if (IsLiteralChar(c)) return Status::Ok();
    in_literal_ = false;
    // The delimiter is not part of the literal: take it back out of the captures first.
    // (A literal that ends an entry or the _portalCheck member ends that capture, so the
    // delimiter is never put back.)
    if (in_entry_ && !entry_skip_ && stack_.size() == entry_depth_) entry_.pop_back();
    if (member_ != Member::kNone && stack_.size() == member_depth_) member_text_.pop_back();
    if (Status s = EndValue(sink); !s.ok()) return s;
  }
  if (IsSpace(c)) return Status::Ok();
  switch (expect_) {
    case Expect::kRoot:
      if (c != '{') return Fail(Status::Invalid("not a HAR: expected a JSON object at byte " + std::to_string(offset_)));
      return BeginValue(c, sink);
    case Expect::kKeyOrClose:
    case Expect::kKey:
      if (c == '"') {
        in_string_ = true;
        string_is_key_ = true;
        key_.clear();
        name_long_ = false;
        name_hash_ = 0xcbf29ce484222325u;
        name_at_ = offset_;
        return Status::Ok();
      }
      if (c == '}' && expect_ == Expect::kKeyOrClose) break;
      return Fail(Status::Invalid("expected a member name at byte " + std::to_string(offset_)));
    case Expect::kColon:
      if (c != ':') return Fail(Status::Invalid("expected ':' at byte " + std::to_string(offset_)));
      expect_ = Expect::kValue;
      return Status::Ok();
    case Expect::kValueOrClose:
      if (c == ']') break;
      return BeginValue(c, sink);
    case Expect::kValue:
      return BeginValue(c, sink);
    case Expect::kCommaOrClose:
      if (c == ',') {
        expect_ = stack_.back().open == '{' ? Expect::kKey : Expect::kValue;
        return Status::Ok();
      }
      if (c == '}' || c == ']') break;
      return Fail(Status::Invalid("expected ',' or a closing bracket at byte " + std::to_string(offset_)));
    case Expect::kDone:
      return Fail(Status::Invalid("unexpected data after the HAR's JSON object at byte " + std::to_string(offset_)));
  }
  // A closing bracket.
  const char want = stack_.back().open == '{' ? '}' : ']';
  if (c != want) return Fail(Status::Invalid("unbalanced bracket at byte " + std::to_string(offset_)));
  stack_.pop_back();
  return EndValue(sink);
}

std::size_t HarStream::ScanInEntry(std::string_view bytes, const std::size_t begin) {
  // Never past the entry's size limit: the byte that would pass it is Step's (SkipEntry).
  const std::size_t room = limits::kMaxEntryBytes - std::min(entry_.size(), limits::kMaxEntryBytes);
  const std::size_t end = bytes.size() - begin > room ? begin + room : bytes.size();
  std::size_t i = begin;
  while (i < end) {
    const char c = bytes[i];
    if (in_string_) {
      if (escape_) {
        escape_ = false;
        ++i;
        continue;
      }
      i += json::PlainStringPrefix(bytes.substr(i, end - i));
      if (i == end) break;
      const char at = bytes[i];
      if (at == '\\') {
        escape_ = true;
      } else if (at == '"') {
        in_string_ = false;
        // A key expects its colon (EndName inside an entry); a value ends (EndValue, not at the
        // entry's own depth: a string entry is never scanned here, see BeginValue below).
        expect_ = string_is_key_ ? Expect::kColon : Expect::kCommaOrClose;
      } else {
        break;  // a control byte: Step's error
      }
      ++i;
      continue;
    }
    if (in_literal_) {
      if (IsLiteralChar(c)) {
        ++i;
        continue;
      }
      in_literal_ = false;  // EndValue inside the entry (a literal entry is never scanned here)
      expect_ = Expect::kCommaOrClose;
    }
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    bool close = false;
    switch (expect_) {
      case Expect::kKeyOrClose:
      case Expect::kKey:
        if (c == '"') {
          in_string_ = true;
          string_is_key_ = true;
        } else if (c == '}' && expect_ == Expect::kKeyOrClose) {
          close = true;
        } else {
          goto stop;
        }
        break;
      case Expect::kColon:
        if (c != ':') goto stop;
        expect_ = Expect::kValue;
        break;
      case Expect::kValueOrClose:
      case Expect::kValue:
        if (c == ']' && expect_ == Expect::kValueOrClose) {
          close = true;
        } else if (c == '{' || c == '[') {
          if (stack_.size() >= limits::kMaxJsonDepth) goto stop;
          stack_.emplace_back().open = c;
          expect_ = c == '{' ? Expect::kKeyOrClose : Expect::kValueOrClose;
        } else if (c == '"') {
          in_string_ = true;
          string_is_key_ = false;
        } else if (IsLiteralChar(c)) {
          in_literal_ = true;
        } else {
          goto stop;
        }
        break;
      case Expect::kCommaOrClose:
        if (c == ',') expect_ = stack_.back().open == '{' ? Expect::kKey : Expect::kValue;
        else if (c == '}' || c == ']') close = true;
        else goto stop;
        break;
      default:
        goto stop;
    }
    if (close) {
      // The entry's own closing bracket, and a bracket that does not match, are Step's.
      if (stack_.size() <= entry_depth_ + 1 || c != (stack_.back().open == '{' ? '}' : ']')) goto stop;
      stack_.pop_back();
      expect_ = Expect::kCommaOrClose;
    }
    ++i;
  }
stop:
  entry_.append(bytes.substr(begin, i - begin));
  offset_ += i - begin;
  return i;
}

Status HarStream::Capture(std::string_view run) {
  if (in_entry_ && !entry_skip_) {
    if (entry_.size() + run.size() > limits::kMaxEntryBytes) {
      if (!SkipEntry("kMaxEntryBytes")) return Fail(EntryTooLarge());
    } else {
      entry_.append(run);
    }
  }
  if (member_ != Member::kNone) AddToMember(run);
  return Status::Ok();
}

Status HarStream::Feed(std::string_view bytes, const EntrySink& sink) {
  if (!error_.ok()) return error_;
  std::size_t i = 0;
  if (offset_ == 0 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {  // UTF-8 byte order mark
    i = 3;
    offset_ = 3;
  }
  while (i < bytes.size()) {
    if (in_entry_ && entry_scanner_ && !entry_skip_ && deep_ == 0 && member_ == Member::kNone && !pages_open_ &&
        stack_.size() > entry_depth_) {
      const std::size_t next = ScanInEntry(bytes, i);
      if (next == bytes.size()) break;
      if (next > i) {
        i = next;
        continue;
      }
    }
    // Runs of plain string content (most of a HAR's bytes) and of white space between tokens are
    // taken whole: Step would do nothing with those bytes but capture them (and a member name).
    std::size_t run = 0;
    if (in_string_ && !escape_) {
      run = json::PlainStringPrefix(bytes.substr(i));
      if (run > 0 && string_is_key_) AddToName(bytes.substr(i, run));
    } else if (!in_string_ && !in_literal_) {
      while (i + run < bytes.size() && IsSpace(bytes[i + run])) ++run;
    }
    if (run > 0) {
      if (Status s = Capture(bytes.substr(i, run)); !s.ok()) return s;
      i += run;
      offset_ += run;
      continue;
    }
    if (Status s = Step(bytes[i], sink); !s.ok()) return s;
    ++i;
    ++offset_;
  }
  return Status::Ok();
}

Status HarStream::End() {
  if (!error_.ok()) return error_;
  if (expect_ == Expect::kRoot) return Fail(Status::Invalid("not a HAR: the input is empty"));
  if (expect_ != Expect::kDone || in_string_ || deep_ > 0)
    return Fail(Status::Invalid("unexpected end of the HAR at byte " + std::to_string(offset_) + " (truncated input?)"));
  if (!saw_log_) return Fail(Status::Invalid("not a HAR: no \"log\" object"));
  if (!saw_entries_) return Fail(Status::Invalid("not a HAR: no \"log.entries\" array"));
  return Status::Ok();
}

}  // namespace portal_check
