// The charset labels: see charset_labels.h.
#include "normalize/charset_labels.h"

#include <iterator>
#include <string>

namespace portal_check::charset {
namespace {

constexpr std::string_view kBuiltinHandlers[] = {"UTF-8", "UTF-16", "UTF-16LE", "UTF-16BE", "ISO-8859-1", "ASCII"};

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    const char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] - 'A' + 'a') : b[i];
    if (x != y) return false;
  }
  return true;
}

}  // namespace

// Grouped by handler, each label once (tests/unit/charset_test.cc). The ISO-8859 names
// libxml2's xmlParseCharEncoding knows by itself ("iso latin 2") are listed too, so that Lookup
// agrees with the parser on every name it resolves.
const Label kLabels[] = {
    {"unicode-1-1-utf-8", "UTF-8"},
    {"unicode11utf8", "UTF-8"},
    {"unicode20utf8", "UTF-8"},
    {"utf-8", "UTF-8"},
    {"utf8", "UTF-8"},
    {"x-unicode20utf8", "UTF-8"},
    {"utf-16", "UTF-16"},
    {"utf16", "UTF-16"},
    {"unicode", "UTF-16"},
    {"unicodefeff", "UTF-16"},
    {"csunicode", "UTF-16"},
    {"utf-16le", "UTF-16LE"},
    {"utf-16be", "UTF-16BE"},
    {"unicodefffe", "UTF-16BE"},
    {"iso-8859-1", "ISO-8859-1"},
    {"iso8859-1", "ISO-8859-1"},
    {"iso88591", "ISO-8859-1"},
    {"iso_8859-1", "ISO-8859-1"},
    {"iso_8859-1:1987", "ISO-8859-1"},
    {"iso-ir-100", "ISO-8859-1"},
    {"latin1", "ISO-8859-1"},
    {"l1", "ISO-8859-1"},
    {"csisolatin1", "ISO-8859-1"},
    {"cp819", "ISO-8859-1"},
    {"ibm819", "ISO-8859-1"},
    {"iso-latin-1", "ISO-8859-1"},
    {"iso latin 1", "ISO-8859-1"},
    {"ascii", "ASCII"},
    {"us-ascii", "ASCII"},
    {"usascii", "ASCII"},
    {"ansi_x3.4-1968", "ASCII"},
    {"iso646-us", "ASCII"},
    {"iso646", "ASCII"},
    {"us", "ASCII"},
    {"csascii", "ASCII"},
    {"iso-ir-6", "ASCII"},
    {"ibm367", "ASCII"},
    {"cp367", "ASCII"},
    {"iso_646.irv:1991", "ASCII"},
    {"iso-8859-2", "ISO-8859-2"},
    {"iso8859-2", "ISO-8859-2"},
    {"iso88592", "ISO-8859-2"},
    {"iso_8859-2", "ISO-8859-2"},
    {"iso_8859-2:1987", "ISO-8859-2"},
    {"iso-ir-101", "ISO-8859-2"},
    {"latin2", "ISO-8859-2"},
    {"l2", "ISO-8859-2"},
    {"csisolatin2", "ISO-8859-2"},
    {"iso-latin-2", "ISO-8859-2"},
    {"iso latin 2", "ISO-8859-2"},
    {"iso-8859-3", "ISO-8859-3"},
    {"iso8859-3", "ISO-8859-3"},
    {"iso88593", "ISO-8859-3"},
    {"iso_8859-3", "ISO-8859-3"},
    {"iso_8859-3:1988", "ISO-8859-3"},
    {"iso-ir-109", "ISO-8859-3"},
    {"latin3", "ISO-8859-3"},
    {"l3", "ISO-8859-3"},
    {"csisolatin3", "ISO-8859-3"},
    {"iso-8859-4", "ISO-8859-4"},
    {"iso8859-4", "ISO-8859-4"},
    {"iso88594", "ISO-8859-4"},
    {"iso_8859-4", "ISO-8859-4"},
    {"iso_8859-4:1988", "ISO-8859-4"},
    {"iso-ir-110", "ISO-8859-4"},
    {"latin4", "ISO-8859-4"},
    {"l4", "ISO-8859-4"},
    {"csisolatin4", "ISO-8859-4"},
    {"iso-8859-5", "ISO-8859-5"},
    {"iso8859-5", "ISO-8859-5"},
    {"iso88595", "ISO-8859-5"},
    {"iso_8859-5", "ISO-8859-5"},
    {"iso_8859-5:1988", "ISO-8859-5"},
    {"iso-ir-144", "ISO-8859-5"},
    {"cyrillic", "ISO-8859-5"},
    {"csisolatincyrillic", "ISO-8859-5"},
    {"iso-8859-6", "ISO-8859-6"},
    {"iso8859-6", "ISO-8859-6"},
    {"iso88596", "ISO-8859-6"},
    {"iso_8859-6", "ISO-8859-6"},
    {"iso_8859-6:1987", "ISO-8859-6"},
    {"iso-ir-127", "ISO-8859-6"},
    {"iso-8859-6-e", "ISO-8859-6"},
    {"iso-8859-6-i", "ISO-8859-6"},
    {"arabic", "ISO-8859-6"},
    {"asmo-708", "ISO-8859-6"},
    {"ecma-114", "ISO-8859-6"},
    {"csiso88596e", "ISO-8859-6"},
    {"csiso88596i", "ISO-8859-6"},
    {"csisolatinarabic", "ISO-8859-6"},
    {"iso-8859-7", "ISO-8859-7"},
    {"iso8859-7", "ISO-8859-7"},
    {"iso88597", "ISO-8859-7"},
    {"iso_8859-7", "ISO-8859-7"},
    {"iso_8859-7:1987", "ISO-8859-7"},
    {"iso-ir-126", "ISO-8859-7"},
    {"greek", "ISO-8859-7"},
    {"greek8", "ISO-8859-7"},
    {"ecma-118", "ISO-8859-7"},
    {"elot_928", "ISO-8859-7"},
    {"sun_eu_greek", "ISO-8859-7"},
    {"csisolatingreek", "ISO-8859-7"},
    {"iso-8859-8", "ISO-8859-8"},
    {"iso8859-8", "ISO-8859-8"},
    {"iso88598", "ISO-8859-8"},
    {"iso_8859-8", "ISO-8859-8"},
    {"iso_8859-8:1988", "ISO-8859-8"},
    {"iso-ir-138", "ISO-8859-8"},
    {"iso-8859-8-e", "ISO-8859-8"},
    {"iso-8859-8-i", "ISO-8859-8"},
    {"hebrew", "ISO-8859-8"},
    {"visual", "ISO-8859-8"},
    {"logical", "ISO-8859-8"},
    {"csiso88598e", "ISO-8859-8"},
    {"csiso88598i", "ISO-8859-8"},
    {"csisolatinhebrew", "ISO-8859-8"},
    {"iso-8859-9", "ISO-8859-9"},
    {"iso8859-9", "ISO-8859-9"},
    {"iso88599", "ISO-8859-9"},
    {"iso_8859-9", "ISO-8859-9"},
    {"iso_8859-9:1989", "ISO-8859-9"},
    {"iso-ir-148", "ISO-8859-9"},
    {"latin5", "ISO-8859-9"},
    {"l5", "ISO-8859-9"},
    {"csisolatin5", "ISO-8859-9"},
    {"iso-8859-10", "ISO-8859-10"},
    {"iso8859-10", "ISO-8859-10"},
    {"iso885910", "ISO-8859-10"},
    {"iso_8859-10", "ISO-8859-10"},
    {"iso-ir-157", "ISO-8859-10"},
    {"latin6", "ISO-8859-10"},
    {"l6", "ISO-8859-10"},
    {"csisolatin6", "ISO-8859-10"},
    {"iso-8859-11", "ISO-8859-11"},
    {"iso8859-11", "ISO-8859-11"},
    {"iso885911", "ISO-8859-11"},
    {"iso_8859-11", "ISO-8859-11"},
    {"tis-620", "TIS-620"},
    {"tis620", "TIS-620"},
    {"windows-874", "WINDOWS-874"},
    {"windows874", "WINDOWS-874"},
    {"cp874", "WINDOWS-874"},
    {"dos-874", "WINDOWS-874"},
    {"iso-8859-13", "ISO-8859-13"},
    {"iso8859-13", "ISO-8859-13"},
    {"iso885913", "ISO-8859-13"},
    {"iso_8859-13", "ISO-8859-13"},
    {"latin7", "ISO-8859-13"},
    {"l7", "ISO-8859-13"},
    {"iso-8859-14", "ISO-8859-14"},
    {"iso8859-14", "ISO-8859-14"},
    {"iso885914", "ISO-8859-14"},
    {"iso_8859-14", "ISO-8859-14"},
    {"latin8", "ISO-8859-14"},
    {"l8", "ISO-8859-14"},
    {"iso-8859-15", "ISO-8859-15"},
    {"iso8859-15", "ISO-8859-15"},
    {"iso885915", "ISO-8859-15"},
    {"iso_8859-15", "ISO-8859-15"},
    {"latin9", "ISO-8859-15"},
    {"latin-9", "ISO-8859-15"},
    {"l9", "ISO-8859-15"},
    {"csisolatin9", "ISO-8859-15"},
    {"iso-8859-16", "ISO-8859-16"},
    {"iso8859-16", "ISO-8859-16"},
    {"iso885916", "ISO-8859-16"},
    {"iso_8859-16", "ISO-8859-16"},
    {"latin10", "ISO-8859-16"},
    {"l10", "ISO-8859-16"},
    {"windows-1250", "WINDOWS-1250"},
    {"windows1250", "WINDOWS-1250"},
    {"cp1250", "WINDOWS-1250"},
    {"x-cp1250", "WINDOWS-1250"},
    {"windows-1251", "WINDOWS-1251"},
    {"windows1251", "WINDOWS-1251"},
    {"cp1251", "WINDOWS-1251"},
    {"x-cp1251", "WINDOWS-1251"},
    {"windows-1252", "WINDOWS-1252"},
    {"windows1252", "WINDOWS-1252"},
    {"cp1252", "WINDOWS-1252"},
    {"x-cp1252", "WINDOWS-1252"},
    {"windows-1253", "WINDOWS-1253"},
    {"windows1253", "WINDOWS-1253"},
    {"cp1253", "WINDOWS-1253"},
    {"x-cp1253", "WINDOWS-1253"},
    {"windows-1254", "WINDOWS-1254"},
    {"windows1254", "WINDOWS-1254"},
    {"cp1254", "WINDOWS-1254"},
    {"x-cp1254", "WINDOWS-1254"},
    {"windows-1255", "WINDOWS-1255"},
    {"windows1255", "WINDOWS-1255"},
    {"cp1255", "WINDOWS-1255"},
    {"x-cp1255", "WINDOWS-1255"},
    {"windows-1256", "WINDOWS-1256"},
    {"windows1256", "WINDOWS-1256"},
    {"cp1256", "WINDOWS-1256"},
    {"x-cp1256", "WINDOWS-1256"},
    {"windows-1257", "WINDOWS-1257"},
    {"windows1257", "WINDOWS-1257"},
    {"cp1257", "WINDOWS-1257"},
    {"x-cp1257", "WINDOWS-1257"},
    {"windows-1258", "WINDOWS-1258"},
    {"windows1258", "WINDOWS-1258"},
    {"cp1258", "WINDOWS-1258"},
    {"x-cp1258", "WINDOWS-1258"},
    {"koi8-r", "KOI8-R"},
    {"koi8r", "KOI8-R"},
    {"koi8_r", "KOI8-R"},
    {"koi8", "KOI8-R"},
    {"koi", "KOI8-R"},
    {"cskoi8r", "KOI8-R"},
    {"koi8-u", "KOI8-U"},
    {"koi8u", "KOI8-U"},
    {"koi8-ru", "KOI8-U"},
    {"ibm866", "IBM866"},
    {"cp866", "IBM866"},
    {"866", "IBM866"},
    {"csibm866", "IBM866"},
    {"ibm437", "IBM437"},
    {"cp437", "IBM437"},
    {"437", "IBM437"},
    {"cspc8codepage437", "IBM437"},
    {"ibm850", "IBM850"},
    {"cp850", "IBM850"},
    {"850", "IBM850"},
    {"cspc850multilingual", "IBM850"},
    {"macintosh", "MACINTOSH"},
    {"mac", "MACINTOSH"},
    {"x-mac-roman", "MACINTOSH"},
    {"csmacintosh", "MACINTOSH"},
    {"x-mac-cyrillic", "X-MAC-CYRILLIC"},
    {"x-mac-ukrainian", "X-MAC-CYRILLIC"},
    {"mac-cyrillic", "X-MAC-CYRILLIC"},
    {"tcvn5712-1", "TCVN5712-1"},
    {"tcvn", "TCVN5712-1"},
    {"tcvn-5712", "TCVN5712-1"},
    {"tcvn5712-1:1993", "TCVN5712-1"},
    {"x-viet-tcvn5712", "TCVN5712-1"},
    {"viscii", "VISCII"},
    {"csviscii", "VISCII"},
    {"shift_jis", kNotDecodedHandler},
    {"shift-jis", kNotDecodedHandler},
    {"shiftjis", kNotDecodedHandler},
    {"sjis", kNotDecodedHandler},
    {"x-sjis", kNotDecodedHandler},
    {"ms_kanji", kNotDecodedHandler},
    {"ms932", kNotDecodedHandler},
    {"cp932", kNotDecodedHandler},
    {"windows-31j", kNotDecodedHandler},
    {"csshiftjis", kNotDecodedHandler},
    {"euc-jp", kNotDecodedHandler},
    {"eucjp", kNotDecodedHandler},
    {"x-euc-jp", kNotDecodedHandler},
    {"cseucpkdfmtjapanese", kNotDecodedHandler},
    {"iso-2022-jp", kNotDecodedHandler},
    {"iso2022jp", kNotDecodedHandler},
    {"csiso2022jp", kNotDecodedHandler},
    {"gbk", kNotDecodedHandler},
    {"x-gbk", kNotDecodedHandler},
    {"gb2312", kNotDecodedHandler},
    {"gb_2312", kNotDecodedHandler},
    {"gb_2312-80", kNotDecodedHandler},
    {"chinese", kNotDecodedHandler},
    {"csgb2312", kNotDecodedHandler},
    {"csiso58gb231280", kNotDecodedHandler},
    {"iso-ir-58", kNotDecodedHandler},
    {"cp936", kNotDecodedHandler},
    {"euc-cn", kNotDecodedHandler},
    {"gb18030", kNotDecodedHandler},
    {"big5", kNotDecodedHandler},
    {"big5-hkscs", kNotDecodedHandler},
    {"big5hkscs", kNotDecodedHandler},
    {"bigfive", kNotDecodedHandler},
    {"cn-big5", kNotDecodedHandler},
    {"csbig5", kNotDecodedHandler},
    {"x-x-big5", kNotDecodedHandler},
    {"cp950", kNotDecodedHandler},
    {"euc-kr", kNotDecodedHandler},
    {"euckr", kNotDecodedHandler},
    {"cseuckr", kNotDecodedHandler},
    {"korean", kNotDecodedHandler},
    {"ks_c_5601-1987", kNotDecodedHandler},
    {"ks_c_5601-1989", kNotDecodedHandler},
    {"ksc5601", kNotDecodedHandler},
    {"ksc_5601", kNotDecodedHandler},
    {"ksx1001", kNotDecodedHandler},
    {"csksc56011987", kNotDecodedHandler},
    {"iso-ir-149", kNotDecodedHandler},
    {"windows-949", kNotDecodedHandler},
    {"cp949", kNotDecodedHandler},
    {"iso-2022-kr", kNotDecodedHandler},
    {"csiso2022kr", kNotDecodedHandler},
    {"iso-2022-cn", kNotDecodedHandler},
    {"iso-2022-cn-ext", kNotDecodedHandler},
    {"hz-gb-2312", kNotDecodedHandler},
    {"replacement", kNotDecodedHandler},
    {"x-user-defined", kNotDecodedHandler},
    {"iso-10646-ucs-2", kNotDecodedHandler},
    {"ucs-2", kNotDecodedHandler},
    {"ucs2", kNotDecodedHandler},
    {"iso-10646-ucs-4", kNotDecodedHandler},
    {"ucs-4", kNotDecodedHandler},
    {"ucs4", kNotDecodedHandler},
    {"utf-32", kNotDecodedHandler},
    {"utf32", kNotDecodedHandler},
    {"utf-32le", kNotDecodedHandler},
    {"utf-32be", kNotDecodedHandler},
    {"utf-7", kNotDecodedHandler},
    {"utf7", kNotDecodedHandler},
    {"ebcdic", kNotDecodedHandler},
    {"ebcdic-us", kNotDecodedHandler},
    {"ibm-037", kNotDecodedHandler},
    {"ibm037", kNotDecodedHandler},
    {"cp037", kNotDecodedHandler},
    {"ibm1047", kNotDecodedHandler},
    {"cp1047", kNotDecodedHandler},
};
const std::size_t kLabelCount = std::size(kLabels);

namespace {

// `s` lower-case, without anything but ASCII letters and digits.
std::string Compact(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  }
  return out;
}

LabelInfo Find(std::string_view label, bool loose) {
  const std::string compact = loose ? Compact(label) : std::string();
  for (const Label& l : kLabels) {
    if (loose ? Compact(l.label) != compact : !EqualsIgnoringAsciiCase(l.label, label)) continue;
    LabelInfo info;
    info.handler = l.handler;
    if (l.handler == kNotDecodedHandler) {
      info.support = Support::kNotDecoded;
      return info;
    }
    for (std::string_view b : kBuiltinHandlers)
      if (l.handler == b) {
        info.support = Support::kBuiltin;
        return info;
      }
    for (const SingleByteCharset& cs : kSingleByteCharsets)
      if (l.handler == cs.name) {
        info.support = Support::kTable;
        info.table = &cs;
        return info;
      }
    return LabelInfo{};  // a handler nobody has: tests/unit/charset_test.cc rules it out
  }
  return LabelInfo{};
}

}  // namespace

LabelInfo Lookup(std::string_view label) { return Find(label, false); }

LabelInfo LookupLoose(std::string_view label) {
  const LabelInfo exact = Find(label, false);
  return exact.support != Support::kUnknown || Compact(label).empty() ? exact : Find(label, true);
}

}  // namespace portal_check::charset
