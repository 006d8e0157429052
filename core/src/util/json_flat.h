// A JSON document read into one flat array of nodes (a "tape"), for readers that look a few
// members up and move on: the HAR entry reader reads every entry this way. Against the picojson
// DOM of json::ParseBounded it allocates no node per value and copies no string that holds no
// escape (such strings are views of the input text).
//
// json::ParseFlat is ParseBounded's parser with another builder (util/json_parse.cc): the same
// grammar, the same values (int64 when strtoimax reads the whole number, else a finite double;
// strings decoded the same way) and the same errors, word for word, for every input.
#ifndef PORTAL_CHECK_UTIL_JSON_FLAT_H_
#define PORTAL_CHECK_UTIL_JSON_FLAT_H_

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "portal_check/status.h"

namespace portal_check::json {

class FlatDocument {
 public:
  // A value of the document: the root is 0, a container's items follow it in order.
  using Index = std::uint32_t;
  static constexpr Index kNone = 0xFFFFFFFFu;  // "no value": what the lookups return when absent
  enum class Kind : std::uint8_t { kNull, kBool, kInt, kDouble, kString, kArray, kObject };

  Index root() const { return nodes_.empty() ? kNone : 0; }
  bool Is(Index i, Kind kind) const { return i != kNone && nodes_[i].kind == kind; }
  // Either number kind (picojson's is<double>()).
  bool IsNumber(Index i) const { return Is(i, Kind::kInt) || Is(i, Kind::kDouble); }

  // The member `name` of `object`; kNone when `object` is kNone, not an object, or lacks it.
  Index Find(Index object, std::string_view name) const;
  // The member as a string / array; nullopt or kNone when absent or of another type.
  std::optional<std::string_view> FindString(Index object, std::string_view name) const;
  Index FindArray(Index object, std::string_view name) const;
  // json::GetInt's rule: an int64, or a double with no fraction within ±9e15; else `fallback`.
  std::int64_t GetInt(Index object, std::string_view name, std::int64_t fallback) const;
  bool GetBool(Index object, std::string_view name, bool fallback) const;

  // The member name of a value of an object (empty for an array's item and for the root).
  std::string_view Name(Index i) const { return nodes_[i].name; }
  // The value of a node of that kind (check with Is first).
  std::string_view String(Index i) const { return nodes_[i].text; }
  std::int64_t Int(Index i) const { return nodes_[i].integer; }
  double Double(Index i) const { return nodes_[i].number; }
  bool Bool(Index i) const { return nodes_[i].boolean; }
  // The string of node `i` as an std::string, moved out when it was decoded (then String(i) is
  // empty): for the one large value a reader keeps (a response body).
  std::string TakeString(Index i);

  // The items of an array (or the members' values of an object), in document order:
  //   for (Index h : doc.Items(array)) ...
  class ItemRange {
   public:
    class Iterator {
     public:
      Iterator(const FlatDocument* doc, Index i) : doc_(doc), i_(i) {}
      Index operator*() const { return i_; }
      Iterator& operator++() {
        i_ = doc_->nodes_[i_].end;
        return *this;
      }
      bool operator!=(const Iterator& other) const { return i_ != other.i_; }

     private:
      const FlatDocument* doc_;
      Index i_;
    };
    Iterator begin() const { return {doc_, first_}; }
    Iterator end() const { return {doc_, end_}; }
    bool empty() const { return first_ == end_; }

   private:
    friend class FlatDocument;
    ItemRange(const FlatDocument* doc, Index first, Index end) : doc_(doc), first_(first), end_(end) {}
    const FlatDocument* doc_;
    Index first_, end_;
  };
  // Empty when `container` is kNone or not an array or object.
  ItemRange Items(Index container) const;

 private:
  friend class FlatBuilder;  // util/json_parse.cc fills the nodes
  struct Node {
    Kind kind = Kind::kNull;
    bool boolean = false;
    Index end = 0;          // one past the last node of this value (its items included)
    std::string_view name;  // the member name when the parent is an object
    std::string_view text;  // a string: a view of the input, or of owned_ when it was decoded
    Index owned = kNone;    // the index in owned_ of a decoded string
    std::int64_t integer = 0;
    double number = 0;
  };
  std::vector<Node> nodes_;
  std::deque<std::string> owned_;  // decoded strings and member names (a deque: views stay valid)
};

// Parses `text` (one JSON value with nothing but white space around it) into `out` under
// ParseBounded's contract (util/json_scan.h): the same errors for the same input, at most
// `max_depth` nested containers, a duplicate member name an error. `text` must outlive `out`:
// strings without escapes are views of it. On error `out` is left empty. Never throws.
Status ParseFlat(std::string_view text, std::size_t max_depth, FlatDocument& out);

}  // namespace portal_check::json

#endif  // PORTAL_CHECK_UTIL_JSON_FLAT_H_
