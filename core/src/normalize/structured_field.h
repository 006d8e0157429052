// Structured Field Values for HTTP (RFC 8941): the parsing algorithms of section 4.2 for Items,
// Lists and Dictionaries, as COOP, COEP and Permissions-Policy are defined on them.
//
// Parsing is strict, as the RFC requires: any syntax error fails the whole field, and the caller
// must then ignore the field (that is what browsers do with a malformed Permissions-Policy or COOP).
// Every parser is a single left-to-right pass over the input with bounded nesting (inner lists
// hold only items), so hostile input costs linear time and constant stack.
#ifndef PORTAL_CHECK_NORMALIZE_STRUCTURED_FIELD_H_
#define PORTAL_CHECK_NORMALIZE_STRUCTURED_FIELD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace portal_check::sf {

// A bare item (RFC 8941 section 3.3). `text` holds the token, the unescaped string, the decimal's
// or integer's source text, or the base64 text of a byte sequence.
struct BareItem {
  enum class Type { kInteger, kDecimal, kString, kToken, kByteSequence, kBoolean };
  Type type = Type::kToken;
  std::string text;
  std::int64_t integer = 0;  // for kInteger
  bool boolean = false;      // for kBoolean
};

struct Parameter {
  std::string key;
  BareItem value;  // boolean true when the parameter has no "=value"
};

struct Item {
  BareItem bare;
  std::vector<Parameter> params;
};

// A List or Dictionary member: either one Item or an Inner List of Items, with parameters.
struct Member {
  bool is_inner_list = false;
  Item item;                    // when !is_inner_list
  std::vector<Item> inner;      // when is_inner_list
  std::vector<Parameter> params;  // the inner list's own parameters (items carry theirs)
};

// A parsed Dictionary in field order. Per RFC 8941, a repeated key overwrites the earlier value
// but keeps the earlier position; `duplicate_keys` records which keys were repeated.
struct Dictionary {
  std::vector<std::pair<std::string, Member>> members;
  std::vector<std::string> duplicate_keys;
};

// Each parser takes the field value (several field lines already joined with ", ") and returns
// nullopt on any syntax error; `error`, when given, receives a short English description
// ("unexpected character '@' at offset 12"). Leading and trailing SP are ignored as the RFC says.
std::optional<Item> ParseItem(std::string_view field, std::string* error = nullptr);
std::optional<std::vector<Member>> ParseList(std::string_view field, std::string* error = nullptr);
std::optional<Dictionary> ParseDictionary(std::string_view field, std::string* error = nullptr);

// Joins several field lines into one field value as RFC 9110 section 5.3 combines them.
std::string JoinFieldLines(const std::vector<std::string_view>& lines);

}  // namespace portal_check::sf

#endif  // PORTAL_CHECK_NORMALIZE_STRUCTURED_FIELD_H_
