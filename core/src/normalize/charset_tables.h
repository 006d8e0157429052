// The single-byte charsets the engine decodes itself, as tables generated from glibc's iconv by
// scripts/gen-charset-tables.mjs (into charset_tables.cc, with its source and licence at its top).
#ifndef PORTAL_CHECK_NORMALIZE_CHARSET_TABLES_H_
#define PORTAL_CHECK_NORMALIZE_CHARSET_TABLES_H_

#include <cstdint>

namespace portal_check::charset {

// A byte below 0x80 that does not decode to itself (TCVN 5712, VISCII).
struct LowByte {
  std::uint8_t byte;
  char16_t code_point;
};

struct SingleByteCharset {
  const char* name;        // canonical, upper-case: the libxml2 handler's name ("WINDOWS-1258")
  const char* glibc_name;  // the name the table was read from with glibc's iconv ("CP1258")
  const char16_t* high;    // the code points of bytes 0x80..0xFF; U+FFFD for a byte with none
  const LowByte* low;      // bytes below 0x80 that differ from ASCII (nullptr when none)
  std::uint8_t low_count;
};

extern const SingleByteCharset kSingleByteCharsets[34];

}  // namespace portal_check::charset

#endif  // PORTAL_CHECK_NORMALIZE_CHARSET_TABLES_H_
