// page.comments: HTML comments that leak something (ZAP 10027 style, made more specific).
//
// Every comment of the page model except conditional comments ("[if IE]>…<![endif]", "<![endif]",
// "[endif]": they hold markup, not notes) is read, folded with content::FoldKey:
//  sensitive kinds (outcome sensitive, low):
//   - "credential": password / passwd / pwd / pass / secret / api_key / apikey / token /
//     "mat khau" (mật khẩu) followed by ':' or '=' and a value (so "<!-- password field -->"
//     is not one); "pwd", "pass", "token" need a word boundary before them;
//   - "connection-string": "data source=", "initial catalog=", "server=…;database=", "jdbc:",
//     "mysql://", "postgres://", "postgresql://", "mongodb://", "sqlserver://";
//   - "sql": SELECT <column list> FROM <name> (the column list is '*', a comma list or one
//     identifier, so "select a date from the list" is prose), INSERT INTO, DELETE FROM <name>,
//     UPDATE <name> SET, DROP TABLE;
//   - "internal-address": content::FindInternalAddresses (RFC 1918, link-local, internal hosts);
//  notes (outcome notes, info): TODO, FIXME, HACK, XXX (upper-case only), "debug", "test only",
//  "tạm thời"/"cần sửa"/"chưa xong" (folded), as words.
// Outcomes: sensitive, notes, none. Details: "sensitive" [{line, kinds, excerpt}] and "notes"
// [{line, excerpt}] (at most 20 each; excerpts at most 200 bytes with credential values replaced
// by "***", text::SafeUtf8), "sensitive_count", "notes_count", "comment_count".
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/support/page_content_scan.h"
#include "normalize/page_model.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxListed = 20;
constexpr std::size_t kMaxExcerpt = 200;
constexpr std::size_t kMaxCommentScan = 64 * 1024;  // bytes of one comment that are read

bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsIdent(char c) { return IsAlnum(c) || c == '_' || c == '.' || c == '[' || c == ']' || c == '`'; }

struct CredentialKey {
  std::string_view word;
  bool needs_boundary;
};
constexpr CredentialKey kCredentialKeys[] = {
    {"password", false}, {"passwd", false}, {"pwd", true},  {"pass", true},       {"secret", false},
    {"api_key", false},  {"apikey", false}, {"token", true}, {"mat khau", false}, {"matkhau", false}};

// Where the value of a credential starts at folded[pos] after the key (past spaces, ':' or '=',
// spaces, one quote), or npos when no separator + value follows. A short suffix may sit between
// the key and the separator ("password1", "db_password_admin"); after the short keys (`strict`:
// pwd, pass, token) it may not start with a letter, so "passport: 123" is no credential.
std::size_t CredentialValueStart(std::string_view s, std::size_t pos, bool strict) {
  std::size_t i = pos;
  if (strict && i < s.size() && s[i] >= 'a' && s[i] <= 'z') return std::string_view::npos;
  for (int n = 0; n < 12 && i < s.size() && (IsAlnum(s[i]) || s[i] == '_'); ++n) ++i;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i >= s.size() || (s[i] != ':' && s[i] != '=')) return std::string_view::npos;
  ++i;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i < s.size() && (s[i] == '"' || s[i] == '\'')) ++i;
  if (i >= s.size() || IsSpace(s[i]) || s[i] == '"' || s[i] == '\'' || s[i] == '<' || s[i] == '>' || s[i] == ';' ||
      s[i] == '&' || s[i] == ',')
    return std::string_view::npos;
  return i;
}

// The [start, end) spans of credential values in `s` (a FoldKey).
std::vector<std::pair<std::size_t, std::size_t>> CredentialValues(std::string_view s) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (const CredentialKey& key : kCredentialKeys) {
    std::size_t pos = 0;
    while ((pos = s.find(key.word, pos)) != std::string_view::npos) {
      const std::size_t after = pos + key.word.size();
      const bool boundary_ok = !key.needs_boundary || pos == 0 || !IsAlnum(s[pos - 1]);
      pos = after;
      if (!boundary_ok) continue;
      const std::size_t v = CredentialValueStart(s, after, key.needs_boundary);
      if (v == std::string_view::npos) continue;
      std::size_t e = v;
      while (e < s.size() && !IsSpace(s[e]) && s[e] != ';' && s[e] != '"' && s[e] != '\'' && s[e] != '&' && s[e] != '<')
        ++e;
      spans.emplace_back(v, e);
    }
  }
  return spans;
}

bool HasConnectionString(std::string_view s) {
  for (std::string_view m : {"data source=", "initial catalog=", "jdbc:", "mysql://", "postgres://", "postgresql://",
                             "mongodb://", "mongodb+srv://", "sqlserver://"})
    if (s.find(m) != std::string_view::npos) return true;
  const std::size_t server = s.find("server=");
  return server != std::string_view::npos && s.find(";database=", server) != std::string_view::npos;
}

// The identifier starting at s[i] (after spaces); empty when none.
std::string_view IdentAt(std::string_view s, std::size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  std::size_t e = i;
  while (e < s.size() && IsIdent(s[e])) ++e;
  return s.substr(i, e - i);
}

bool WordAt(std::string_view s, std::size_t pos, std::string_view w) {
  if (s.substr(pos, w.size()) != w) return false;
  const std::size_t end = pos + w.size();
  return (pos == 0 || !IsAlnum(s[pos - 1])) && (end >= s.size() || !IsAlnum(s[end]));
}

// True when s[from, to) is a SQL column list: "*", "a, b.c", "count(*)", or one identifier.
bool IsColumnList(std::string_view cols) {
  cols = text::Trim(cols);
  if (cols.empty()) return false;
  bool comma = false, star = false, space = false;
  for (char c : cols) {
    if (c == ',') comma = true;
    else if (c == '*') star = true;
    else if (c == ' ') space = true;
    else if (!IsIdent(c) && c != '(' && c != ')' && c != '"') return false;
  }
  return comma || star || !space || text::StartsWithIgnoreCase(cols, "top ") || text::StartsWithIgnoreCase(cols, "distinct ");
}

bool HasSql(std::string_view s) {
  for (std::size_t pos = 0; (pos = s.find("select ", pos)) != std::string_view::npos; pos += 7) {
    if (!WordAt(s, pos, "select")) continue;
    const std::size_t near = s.substr(pos + 6, 300).find(" from ");  // bounded: stays linear
    if (near == std::string_view::npos) continue;
    const std::size_t from = pos + 6 + near;
    if (IsColumnList(s.substr(pos + 7, from - pos - 7)) && !IdentAt(s, from + 6).empty()) return true;
  }
  for (std::size_t pos = 0; (pos = s.find("insert into ", pos)) != std::string_view::npos; pos += 12)
    if (WordAt(s, pos, "insert") && !IdentAt(s, pos + 12).empty()) return true;
  for (std::size_t pos = 0; (pos = s.find("delete from ", pos)) != std::string_view::npos; pos += 12)
    if (WordAt(s, pos, "delete") && !IdentAt(s, pos + 12).empty()) return true;
  for (std::size_t pos = 0; (pos = s.find("drop table ", pos)) != std::string_view::npos; pos += 11)
    if (WordAt(s, pos, "drop")) return true;
  for (std::size_t pos = 0; (pos = s.find("update ", pos)) != std::string_view::npos; pos += 7) {
    if (!WordAt(s, pos, "update")) continue;
    const std::string_view table = IdentAt(s, pos + 7);
    if (table.empty()) continue;
    const std::size_t after = s.find(table, pos + 7) + table.size();
    if (s.substr(after, 5) == " set ") return true;
  }
  return false;
}

bool HasNote(std::string_view raw, std::string_view folded) {
  for (std::string_view upper : {"TODO", "FIXME", "HACK", "XXX"}) {
    for (std::size_t pos = 0; (pos = raw.find(upper, pos)) != std::string_view::npos; ++pos)
      if (WordAt(raw, pos, upper)) return true;
  }
  for (std::string_view w : {"todo", "fixme", "debug", "test only", "tam thoi", "can sua", "chua xong"})
    if (content::ContainsWord(folded, w)) return true;
  return false;
}

bool IsConditional(std::string_view t) {
  t = text::Trim(t);
  return text::StartsWithIgnoreCase(t, "[if ") || text::StartsWithIgnoreCase(t, "<![endif]") ||
         text::StartsWithIgnoreCase(t, "[endif]");
}

// The folded comment with credential values replaced by "***", cut for the report.
std::string RedactedExcerpt(std::string folded) {
  std::vector<std::pair<std::size_t, std::size_t>> spans = CredentialValues(folded);
  std::sort(spans.begin(), spans.end());
  std::string out;
  std::size_t at = 0;
  for (const auto& [b, e] : spans) {
    if (b < at) continue;
    out.append(folded, at, b - at);
    out.append("***");
    at = e;
  }
  out.append(folded, at, std::string::npos);
  return text::SafeUtf8(out, kMaxExcerpt);
}

class CommentsCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    DetailList sensitive, notes;
    std::int64_t sensitive_count = 0, notes_count = 0, comment_count = 0;
    for (const HtmlComment& c : view.page->comments()) {
      const std::string_view raw = std::string_view(c.text).substr(0, kMaxCommentScan);
      if (IsConditional(raw) || text::Trim(raw).empty()) continue;
      ++comment_count;
      // Lower-cased and diacritics folded: "Mật khẩu" → "mat khau"; connection strings keep their shape.
      const std::string folded = content::FoldKey(raw);
      DetailList kinds;
      if (!CredentialValues(folded).empty()) kinds.Str("credential");
      if (HasConnectionString(folded)) kinds.Str("connection-string");
      if (HasSql(folded)) kinds.Str("sql");
      std::vector<content::InternalAddress> addresses;
      if (content::FindInternalAddresses(raw, addresses, 1) > 0) kinds.Str("internal-address");
      if (!kinds.empty()) {
        ++sensitive_count;
        if (sensitive.size() < kMaxListed) {
          Details o;
          o.Int("line", c.line);
          o.Set("kinds", std::move(kinds));
          o.Str("excerpt", RedactedExcerpt(folded));
          sensitive.Add(std::move(o));
        }
      } else if (HasNote(raw, folded)) {
        ++notes_count;
        if (notes.size() < kMaxListed) {
          Details o;
          o.Int("line", c.line);
          o.Str("excerpt", text::Trim(raw), kMaxExcerpt);
          notes.Add(std::move(o));
        }
      }
    }
    CheckResult r = PageResult(view);
    r.outcome = sensitive_count > 0 ? "sensitive" : notes_count > 0 ? "notes" : "none";
    r.details.Set("sensitive", std::move(sensitive));
    r.details.Set("notes", std::move(notes));
    r.details.Int("sensitive_count", sensitive_count);
    r.details.Int("notes_count", notes_count);
    r.details.Int("comment_count", comment_count);
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kPageCommentsCheck;  // listed in checks/registry.cc
const CheckDescriptor kPageCommentsCheck{"page.comments", CheckInput::kPages, &MakeCheck<CommentsCheck>};

}  // namespace portal_check
