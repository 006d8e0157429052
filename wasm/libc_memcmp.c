// The module's memcmp (and bcmp, which clang emits for memcmp(...) == 0): eight bytes at a time
// (core/src/util/word_memcmp.h) instead of Emscripten's libc's byte loop. Linked before libc, so
// libc's own memcmp object is never pulled in. Compiled with -fno-builtin (wasm/CMakeLists.txt).
#include <stddef.h>

#include "util/word_memcmp.h"

int memcmp(const void* a, const void* b, size_t n) { return pc_word_memcmp(a, b, n); }
int bcmp(const void* a, const void* b, size_t n) { return pc_word_memcmp(a, b, n); }
