# Writes OUT: a C++ source defining `extern const std::string_view SYMBOL` holding the bytes of IN.
# Usage: cmake -DIN=file -DOUT=file.cc -DSYMBOL=name -P embed_file.cmake
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR byte_count "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," body "${hex}")
file(WRITE "${OUT}" "// Generated from ${IN}; do not edit.\n#include <string_view>\nnamespace portal_check {\nstatic const char kData[] = {${body} 0};\nextern const std::string_view ${SYMBOL}(kData, ${byte_count});\n}\n")
