// A C face for RE2 (Debian libre2-dev), which is C++: Swift calls these functions instead
// of RE2's classes. RE2 matches in time linear in the subject, so hostile patterns such
// as `(a+)+$` cannot backtrack catastrophically.
#ifndef CRE2_H
#define CRE2_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif

/// An opaque compiled RE2 pattern.
typedef struct CRE2_Regex CRE2_Regex;

/// Compiles a UTF-8 pattern. Returns NULL on error and, when `error` is not NULL, sets
/// `*error` to a malloc'ed message the caller frees.
CRE2_Regex *CRE2_compile(const char *pattern, size_t length, char **error);

/// Returns 1 when the pattern matches anywhere in the UTF-8 subject, else 0.
int CRE2_partial_match(const CRE2_Regex *regex, const char *subject, size_t length);

/// Frees a compiled pattern.
void CRE2_free(CRE2_Regex *regex);

#ifdef __cplusplus
}
#endif
#endif
