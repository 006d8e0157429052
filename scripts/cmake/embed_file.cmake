# Writes OUT: a C++ source defining `extern const std::string_view SYMBOL` holding the bytes of IN.
# With -DDEFLATE=<path of zopfli> the bytes are IN compressed as one raw deflate stream (RFC 1951)
# by Debian's zopfli (about 4 % smaller than zlib's level 9; the same bytes on every build), and
# OUT also defines `extern const std::size_t SYMBOLInflatedBytes`, IN's size: the engine inflates
# them once per process (core/src/util/inflate.h).
# Usage: cmake -DIN=file -DOUT=file.cc -DSYMBOL=name [-DDEFLATE=/usr/bin/zopfli] -P embed_file.cmake
set(extra "")
if(DEFLATE)
  file(SIZE "${IN}" inflated_bytes)
  execute_process(COMMAND "${DEFLATE}" --deflate -c "${IN}" OUTPUT_FILE "${OUT}.deflate" RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "${DEFLATE} --deflate ${IN} failed (${failed})")
  endif()
  set(extra "extern const std::size_t ${SYMBOL}InflatedBytes = ${inflated_bytes};\n")
  set(IN "${OUT}.deflate")
endif()
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR byte_count "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," body "${hex}")
file(WRITE "${OUT}" "// Generated from ${IN}; do not edit.\n#include <cstddef>\n#include <string_view>\nnamespace portal_check {\nstatic const char kData[] = {${body} 0};\nextern const std::string_view ${SYMBOL}(kData, ${byte_count});\n${extra}}\n")
