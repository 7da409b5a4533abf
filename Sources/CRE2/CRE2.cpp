#include "CRE2.h"

#include <re2/re2.h>

#include <cstdlib>
#include <cstring>

struct CRE2_Regex {
  re2::RE2 regex;
  explicit CRE2_Regex(re2::StringPiece pattern) : regex(pattern, re2::RE2::Quiet) {}
};

extern "C" CRE2_Regex *CRE2_compile(const char *pattern, size_t length, char **error) {
  auto *compiled = new CRE2_Regex(re2::StringPiece(pattern, length));
  if (compiled->regex.ok()) return compiled;
  if (error != nullptr) {
    const std::string &message = compiled->regex.error();
    *error = static_cast<char *>(std::malloc(message.size() + 1));
    if (*error != nullptr) std::memcpy(*error, message.c_str(), message.size() + 1);
  }
  delete compiled;
  return nullptr;
}

extern "C" int CRE2_partial_match(const CRE2_Regex *regex, const char *subject, size_t length) {
  return re2::RE2::PartialMatch(re2::StringPiece(subject, length), regex->regex) ? 1 : 0;
}

extern "C" void CRE2_free(CRE2_Regex *regex) { delete regex; }
