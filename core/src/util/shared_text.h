// Immutable texts shared by every holder of an equal one. A large audit keeps tens of thousands of
// results whose details repeat page after page (the same libraries, the same subresources, the
// same cookies on every page of a site): 44,009 results of a 1,000-page HAR hold 10.7 MB of
// details text in only 2,173 distinct texts.
#ifndef PORTAL_CHECK_UTIL_SHARED_TEXT_H_
#define PORTAL_CHECK_UTIL_SHARED_TEXT_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace portal_check {

// A text that never changes once made; copies share it. Reads as a const std::string&.
class SharedText {
 public:
  SharedText() : text_(Empty()) {}
  explicit SharedText(std::string text) : text_(std::make_shared<const std::string>(std::move(text))) {}

  const std::string& str() const { return *text_; }
  operator const std::string&() const { return *text_; }  // NOLINT: reads as the text
  operator std::string_view() const { return *text_; }    // NOLINT
  // The same text object (not only an equal one): what a memo of answers per text keys on
  // (report/outcome_redaction.cc); TextPool finds texts by their content.
  const std::string* identity() const { return text_.get(); }

 private:
  static const std::shared_ptr<const std::string>& Empty();
  std::shared_ptr<const std::string> text_;
};

// One SharedText per distinct text handed to it. Holds its texts until it is destroyed: memory is
// one entry per distinct text, on top of the texts themselves (which the pool's users hold anyway).
class TextPool {
 public:
  // The pool's text equal to `text` (added when it is new).
  SharedText Intern(std::string text);

 private:
  std::unordered_map<std::string_view, SharedText> texts_;  // keys view their own value's text
};

}  // namespace portal_check

#endif  // PORTAL_CHECK_UTIL_SHARED_TEXT_H_
