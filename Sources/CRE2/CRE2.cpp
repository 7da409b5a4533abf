#include "CRE2.h"

#include <re2/re2.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

/// Whether RE2 reads `c` as itself outside a character class: ASCII, and not one of its
/// operators.
bool isLiteral(char c) {
  return c > 0 && static_cast<unsigned char>(c) < 0x80 && std::strchr("\\^$.|?*+()[]{}", c) == nullptr;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

}  // namespace

/// A compiled pattern. A pattern that is only literal alternatives, ASCII, with or without
/// `(?i)` in front (`'(?i)this is|speaking'`, `'refund|chargeback'`), is also kept as those
/// literals, and matched by finding one: RE2's unanchored search took some 1,500 instructions
/// for a greeting of fifty bytes, most of it setting up the search. Without `(?i)` the bytes
/// are found as they are (UTF-8 keeps an ASCII byte out of every other character); with it, a
/// subject that is all ASCII folds only ASCII letters, so a subject that is not goes to RE2,
/// whose case folding also matches `ſ` for `s` and the Kelvin sign for `k`.
struct CRE2_Regex {
  re2::RE2 regex;
  std::vector<std::string> literals;
  bool caseless = false;

  explicit CRE2_Regex(re2::StringPiece pattern) : regex(pattern, re2::RE2::Quiet) {
    std::string rest(pattern.data(), pattern.size());
    if (rest.compare(0, 4, "(?i)") == 0) {
      caseless = true;
      rest.erase(0, 4);
    }
    std::vector<std::string> found(1);
    for (char c : rest) {
      if (c == '|') {
        found.emplace_back();
      } else if (isLiteral(c)) {
        found.back().push_back(caseless ? lower(c) : c);
      } else {
        return;
      }
    }
    for (const std::string &literal : found) {
      if (literal.empty()) return;
    }
    literals = std::move(found);
  }

  /// Whether one of the literals is in the subject; -1 when RE2 must say.
  int findLiteral(const char *subject, size_t length) const {
    if (literals.empty()) return -1;
    if (!caseless) return anyIn(subject, length);
    // Lowered into a copy (the loop vectorizes), checked for other than ASCII on the way.
    char small[256];
    std::string large;
    char *lowered = small;
    if (length > sizeof small) {
      large.resize(length);
      lowered = &large[0];
    }
    unsigned char high = 0;
    for (size_t i = 0; i < length; i++) {
      char c = subject[i];
      high |= static_cast<unsigned char>(c);
      lowered[i] = lower(c);
    }
    if (high >= 0x80) return -1;
    return anyIn(lowered, length);
  }

  int anyIn(const char *subject, size_t length) const {
    for (const std::string &literal : literals) {
      if (memmem(subject, length, literal.data(), literal.size()) != nullptr) return 1;
    }
    return 0;
  }
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
  int found = regex->findLiteral(subject, length);
  if (found >= 0) return found;
  return re2::RE2::PartialMatch(re2::StringPiece(subject, length), regex->regex) ? 1 : 0;
}

extern "C" void CRE2_free(CRE2_Regex *regex) { delete regex; }
