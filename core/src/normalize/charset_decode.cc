#include "normalize/charset_decode.h"

namespace portal_check::charset {
namespace {

constexpr char16_t kReplacement = 0xFFFD;

char16_t CodePoint(const SingleByteCharset& cs, unsigned char b) {
  if (b >= 0x80) return cs.high[b - 0x80];
  for (int i = 0; i < cs.low_count; ++i)
    if (cs.low[i].byte == b) return cs.low[i].code_point;
  return b;
}

// Writes the UTF-8 of `cp` (a BMP code point) at out[o] when it fits before `end`; false otherwise.
bool Put(char16_t cp, unsigned char* out, int& o, int end) {
  if (cp < 0x80) {
    if (o + 1 > end) return false;
    out[o++] = static_cast<unsigned char>(cp);
  } else if (cp < 0x800) {
    if (o + 2 > end) return false;
    out[o++] = static_cast<unsigned char>(0xC0 | (cp >> 6));
    out[o++] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
  } else {
    if (o + 3 > end) return false;
    out[o++] = static_cast<unsigned char>(0xE0 | (cp >> 12));
    out[o++] = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
    out[o++] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
  }
  return true;
}

template <typename Map>
int Decode(Map map, unsigned char* out, int* outlen, const unsigned char* in, int* inlen) {
  if (!out || !outlen || !in || !inlen) return -1;
  const int out_end = *outlen, in_end = *inlen;
  int i = 0, o = 0;
  for (; i < in_end; ++i)
    if (!Put(map(in[i]), out, o, out_end)) break;
  *inlen = i;
  *outlen = o;
  return o;
}

}  // namespace

int DecodeSingleByte(const SingleByteCharset& cs, unsigned char* out, int* outlen, const unsigned char* in, int* inlen) {
  return Decode([&cs](unsigned char b) { return CodePoint(cs, b); }, out, outlen, in, inlen);
}

int DecodeAsciiOnly(unsigned char* out, int* outlen, const unsigned char* in, int* inlen) {
  return Decode([](unsigned char b) { return b < 0x80 ? static_cast<char16_t>(b) : kReplacement; }, out, outlen, in, inlen);
}

std::string DecodeSingleByte(const SingleByteCharset& cs, std::string_view bytes) {
  std::string out(bytes.size() * 3, '\0');
  int inlen = static_cast<int>(bytes.size()), outlen = static_cast<int>(out.size());
  DecodeSingleByte(cs, reinterpret_cast<unsigned char*>(out.data()), &outlen,
                   reinterpret_cast<const unsigned char*>(bytes.data()), &inlen);
  out.resize(static_cast<std::size_t>(outlen));
  return out;
}

}  // namespace portal_check::charset
