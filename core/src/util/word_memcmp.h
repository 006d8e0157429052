// memcmp eight bytes at a time, for the wasm build: Emscripten 3.1.6's libc (musl) compares one
// byte per loop step, and std::string / std::map comparisons made it 6 % of a site's audit time in
// wasm (V8 CPU profile of 3,000 audits of one site). wasm/libc_memcmp.c makes it the module's
// memcmp; the native build keeps its libc's.
#ifndef PORTAL_CHECK_UTIL_WORD_MEMCMP_H_
#define PORTAL_CHECK_UTIL_WORD_MEMCMP_H_

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

// memcmp's contract: < 0, 0 or > 0 as the first differing byte of a (as unsigned char) is less
// than, missing, or greater than b's; 0 when the n bytes are equal.
int pc_word_memcmp(const void* a, const void* b, size_t n);

#ifdef __cplusplus
}
#endif

#endif  // PORTAL_CHECK_UTIL_WORD_MEMCMP_H_
