// Tables behind util/vietnamese.h (sorted by their first field for binary search).
#ifndef PORTAL_CHECK_UTIL_VIETNAMESE_TABLES_H_
#define PORTAL_CHECK_UTIL_VIETNAMESE_TABLES_H_

#include <cstddef>

namespace portal_check::vietnamese {

struct Composition {
  char32_t base, mark, composed;  // base + combining mark == composed (canonical, NFC)
};
struct Folding {
  char32_t letter;  // a precomposed Latin letter
  char ascii;       // its base letter, lower-case
};

extern const Composition kCompositions[];
extern const std::size_t kCompositionCount;
extern const Folding kFoldings[];
extern const std::size_t kFoldingCount;

}  // namespace portal_check::vietnamese

#endif  // PORTAL_CHECK_UTIL_VIETNAMESE_TABLES_H_
