// The module's memcpy: eight bytes at a time (core/src/util/word_memcpy.h) below 512 bytes, and
// from 512 bytes on what Emscripten's libc does there (emscripten_memcpy_big: one copy by the
// JavaScript engine). Linked before libc, whose memcpy is a weak symbol. Compiled with -fno-builtin
// (wasm/CMakeLists.txt).
#include <stddef.h>

#include "util/word_memcpy.h"

void* emscripten_memcpy_big(void* dest, const void* src, size_t n)
    __attribute__((import_module("env"), import_name("emscripten_memcpy_big")));

void* memcpy(void* restrict dest, const void* restrict src, size_t n) {
  if (n >= 512) {
    emscripten_memcpy_big(dest, src, n);
    return dest;
  }
  return pc_word_memcpy(dest, src, n);
}
