// memcpy eight bytes at a time, for the wasm build: Emscripten 3.1.6's libc copies four bytes at a
// time when source and destination share their alignment and one byte at a time otherwise, and
// std::string's copies made its memcpy 5 % of a site's audit time in wasm (V8 CPU profile of 3,000
// audits of the generated sites). wasm/libc_memcpy.c makes it the module's memcpy below
// kMaxWordCopyBytes; the native build keeps its libc's.
#ifndef PORTAL_CHECK_UTIL_WORD_MEMCPY_H_
#define PORTAL_CHECK_UTIL_WORD_MEMCPY_H_

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

// memcpy's contract: copies n bytes from src to dest (which do not overlap); returns dest. Any
// alignment. Compiled with -fno-builtin (core/CMakeLists.txt), so that its loops are never turned
// back into a call of memcpy (which it is, in the wasm build).
void* pc_word_memcpy(void* dest, const void* src, size_t n);

#ifdef __cplusplus
}
#endif

#endif  // PORTAL_CHECK_UTIL_WORD_MEMCPY_H_
