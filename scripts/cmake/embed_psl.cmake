# Writes OUT: a C++ source defining `extern const std::string_view kEmbeddedPublicSuffixListDeflate`
# holding, deflate-compressed (embed_file.cmake), the rule lines of the Public Suffix List IN, one
# per line, in the file's order: comment lines ("//", including the ===BEGIN/END ICANN/PRIVATE
# DOMAINS=== markers) and blank lines are dropped (the loader, core/src/normalize/public_suffix.cc,
# skips them and reads no section markers), which halves the embedded bytes.
# Usage: cmake -DIN=public_suffix_list.dat -DOUT=file.cc -DZOPFLI=/usr/bin/zopfli -P embed_psl.cmake
file(READ "${IN}" psl)
string(REPLACE "\r" "" psl "\n${psl}")
string(REGEX REPLACE "\n[ \t]*//[^\n]*" "" psl "${psl}")   # comment lines (keeps the newline after)
string(REGEX REPLACE "\n[ \t\n]*\n" "\n" psl "${psl}")     # blank lines
string(REGEX REPLACE "^\n" "" psl "${psl}")
file(WRITE "${OUT}.dat" "${psl}")
set(IN "${OUT}.dat")
set(SYMBOL kEmbeddedPublicSuffixListDeflate)
if(NOT ZOPFLI)
  message(FATAL_ERROR "embed_psl.cmake: -DZOPFLI=<path of zopfli> is required")
endif()
set(DEFLATE "${ZOPFLI}")  # 115 KB of rules, 39 KB compressed
include("${CMAKE_CURRENT_LIST_DIR}/embed_file.cmake")
