// An ordered, case-insensitive list of HTTP header fields. Repeated fields are kept as separate
// entries in arrival order (Set-Cookie must never be folded; CSP may legitimately repeat).
#ifndef PORTAL_CHECK_EVIDENCE_HEADERS_H_
#define PORTAL_CHECK_EVIDENCE_HEADERS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace portal_check {

struct HeaderField {
  std::string name;   // as received (original case)
  std::string value;  // as received, surrounding white space trimmed
};

class HeaderList {
 public:
  void Add(std::string_view name, std::string_view value);
  // Every value of `name` (ASCII case-insensitive), in arrival order; empty when absent.
  std::vector<std::string_view> GetAll(std::string_view name) const;
  // The first value of `name`, or nullopt.
  std::optional<std::string_view> Get(std::string_view name) const;
  bool Has(std::string_view name) const { return Get(name).has_value(); }
  // Number of fields named `name`.
  std::size_t Count(std::string_view name) const;
  const std::vector<HeaderField>& fields() const { return fields_; }
  std::size_t size() const { return fields_.size(); }

 private:
  std::vector<HeaderField> fields_;
};

}  // namespace portal_check

#endif  // PORTAL_CHECK_EVIDENCE_HEADERS_H_
