#include "normalize/libxml_charsets.h"

#include <libxml/encoding.h>

#include <array>
#include <cstddef>
#include <iterator>
#include <string>
#include <utility>

#include "normalize/charset_decode.h"
#include "normalize/charset_labels.h"
#include "normalize/charset_tables.h"
#include "util/text.h"

namespace portal_check::charset {
namespace {

thread_local bool not_decoded_read = false;

// libxml2 2.9's input functions take no context: one function per table.
template <std::size_t I>
int TableToUtf8(unsigned char* out, int* outlen, const unsigned char* in, int* inlen) {
  return DecodeSingleByte(kSingleByteCharsets[I], out, outlen, in, inlen);
}

template <std::size_t... I>
constexpr auto TableFunctions(std::index_sequence<I...>) {
  return std::array<xmlCharEncodingInputFunc, sizeof...(I)>{&TableToUtf8<I>...};
}

constexpr auto kTableFunctions = TableFunctions(std::make_index_sequence<std::size(kSingleByteCharsets)>());

int NotDecodedToUtf8(unsigned char* out, int* outlen, const unsigned char* in, int* inlen) {
  not_decoded_read = true;
  return DecodeAsciiOnly(out, outlen, in, inlen);
}

bool Registered(const char* name, xmlCharEncodingInputFunc input) {
  xmlNewCharEncodingHandler(name, input, nullptr);
  // libxml2 drops a handler past its table's size (MAX_ENCODING_HANDLERS) with only a message,
  // and an earlier handler of the same name would win: check that the name now finds this one.
  const xmlCharEncodingHandler* found = xmlFindCharEncodingHandler(name);
  return found && found->input == input;
}

bool RegisterAll() {
  bool ok = true;
  // Handlers first: xmlNewCharEncodingHandler resolves aliases in the name it is given.
  for (std::size_t i = 0; i < std::size(kSingleByteCharsets); ++i)
    ok = Registered(kSingleByteCharsets[i].name, kTableFunctions[i]) && ok;
  ok = Registered(std::string(kNotDecodedHandler).c_str(), &NotDecodedToUtf8) && ok;
  for (std::size_t i = 0; i < kLabelCount; ++i) {
    // (A label that is its handler's name but for case needs no alias: libxml2 ignores case.)
    if (text::EqualsIgnoreCase(kLabels[i].label, kLabels[i].handler)) continue;
    const std::string label(kLabels[i].label), handler(kLabels[i].handler);
    ok = xmlAddEncodingAlias(handler.c_str(), label.c_str()) == 0 && ok;
  }
  return ok;
}

}  // namespace

bool RegisterCharsets() {
  static const bool kOk = RegisterAll();
  return kOk;
}

void ResetNotDecodedReads() { not_decoded_read = false; }
bool NotDecodedWasRead() { return not_decoded_read; }

}  // namespace portal_check::charset
