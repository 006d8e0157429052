// A check result's details, written straight as compact JSON text instead of built as a picojson
// DOM, serialised and destroyed per result.
//
// Details is a JSON object, DetailList a JSON array; either nests in the other. The text is the
// one json::Serialize(value, /*pretty=*/false) writes for the same value after JoinResult's
// sanitising of it (before this class, scoring/result_join.cc did it): members sorted by name in
// byte order (picojson's object is a std::map), a member set twice keeps its last value, and every
// string value is valid UTF-8 of at most MaxDetailStringBytes() (text::SafeUtf8 when it is not
// already; names are kept as given, as picojson keeps them). A picojson value can still be set (Set / Add): it is sanitised the same
// way and serialised at once.
#ifndef PORTAL_CHECK_CHECKS_DETAILS_H_
#define PORTAL_CHECK_CHECKS_DETAILS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/json.h"

namespace portal_check {

class Details;  // (DetailList::Add takes one)

// The longest string value kept in details (limits::kMaxHeaderValueBytes); longer ones are cut.
std::size_t MaxDetailStringBytes();

// `v` with every string inside it made valid UTF-8 of at most MaxDetailStringBytes().
void SanitizeDetailStrings(json::Value& v);

class DetailList {
 public:
  DetailList& Str(std::string_view s);
  // Str(text::SafeUtf8(s, max_bytes)), without the copy when `s` is already clean and short.
  DetailList& Str(std::string_view s, std::size_t max_bytes);
  DetailList& Int(std::int64_t n);
  DetailList& Bool(bool b);
  DetailList& Add(const Details& object);
  DetailList& Add(const DetailList& array);
  DetailList& Add(json::Value v);  // any value (sanitised, serialised)

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // Appends "[...]" to `out`.
  void AppendTo(std::string& out) const;
  std::string Text() const;

 private:
  void Separate();
  std::string elements_;  // the element texts, comma-separated
  std::size_t size_ = 0;
};

class Details {
 public:
  // Each sets member `name`, replacing an earlier member of that name.
  Details& Str(std::string_view name, std::string_view s);
  // Str(name, text::SafeUtf8(s, max_bytes)), without the copy when `s` is already clean and short.
  Details& Str(std::string_view name, std::string_view s, std::size_t max_bytes);
  Details& Int(std::string_view name, std::int64_t n);
  Details& Bool(std::string_view name, bool b);
  Details& Set(std::string_view name, const Details& object);
  Details& Set(std::string_view name, const DetailList& array);
  Details& Set(std::string_view name, json::Value v);  // any value (sanitised, serialised)

  bool empty() const { return members_.empty(); }
  std::size_t size() const { return members_.size(); }
  bool Has(std::string_view name) const;
  // Appends "{...}" (members sorted by name) to `out`.
  void AppendTo(std::string& out) const;
  std::string Text() const;
  // The details parsed back into a picojson value (for tests and the rare reader).
  json::Value ToValue() const;

 private:
  // In bytes_: the raw name (for sorting), then the member as written: "name":value.
  struct Member {
    std::size_t name_at, name_size, written_at, written_size;
  };
  std::string_view NameOf(const Member& m) const { return std::string_view(bytes_).substr(m.name_at, m.name_size); }
  // Starts member `name` (dropping an earlier one of that name): its raw name and quoted name are
  // appended to bytes_, then its value's text, ended by EndMember.
  void BeginMember(std::string_view name);
  void EndMember();
  std::string bytes_;  // the members (see Member), in the order they were set
  // (members_ starts with room for kFirstMembers.)
  std::vector<Member> members_;
};

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_DETAILS_H_
