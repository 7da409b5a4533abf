// A C surface over simdjson for reading JSON Lines: Swift cannot import C++ templates, and the
// log reader needs only "next document, with its line number and a flat list of its values".
//
// A reader walks a buffer of complete lines. Every non-blank line is read as one document, so an
// invalid line is reported for that line and reading goes on with the next one. A document's
// values are flattened in pre-order into entries: an array or object entry is followed by its
// `count` children (each possibly a container itself). Keys are numbered by the reader, once per
// distinct key, so a caller resolves a key once, not once per line. Strings point into the
// reader's own storage or the caller's buffer and stay valid until the next call on the reader.
#ifndef CSIMDJSON_H
#define CSIMDJSON_H
#include <stddef.h>
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

/// The kind of one JSON value.
typedef enum CSimdJSONKind {
  CSimdJSONKindNull = 0,
  CSimdJSONKindFalse,
  CSimdJSONKindTrue,
  /// An integer that fits in int64_t.
  CSimdJSONKindInt,
  /// A non-negative integer above INT64_MAX that fits in uint64_t.
  CSimdJSONKindUInt,
  /// A number with a fraction or exponent, or an integer too large for 64 bits.
  CSimdJSONKindDouble,
  CSimdJSONKindString,
  /// `count` entries follow, the elements.
  CSimdJSONKindArray,
  /// `count` entries follow, each with its key.
  CSimdJSONKindObject,
} CSimdJSONKind;

/// The `key` of an entry that is not an object's member.
#define CSimdJSONNoKey UINT32_MAX

/// One value of a document. Kept small (32 bytes): a log line has a dozen of them and every
/// one crosses into Swift.
typedef struct CSimdJSONEntry {
  /// The string value (unescaped UTF-8).
  const char *string;
  /// The number, an int64_t, uint64_t or double by `kind`, as its bits; for a string, a hash
  /// of its bytes, so a reader can find a repeated string without building it.
  uint64_t bits;
  /// For a member of an object, the number of its key (`CSimdJSON_readerKey`); else
  /// `CSimdJSONNoKey`.
  uint32_t key;
  /// A string's length in bytes; the children of an array or object.
  uint32_t count;
  /// Entries below an array or object at any depth: the next sibling is this many entries on.
  uint32_t descendants;
  CSimdJSONKind kind;
} CSimdJSONEntry;

/// What a line held.
typedef enum CSimdJSONStatus {
  /// An object: `entries[0]` is it, its members follow.
  CSimdJSONStatusObject = 0,
  /// Valid JSON that is not an object.
  CSimdJSONStatusNotObject,
  /// Not valid JSON; `message` is simdjson's reason.
  CSimdJSONStatusInvalid,
  /// An object (at any depth) with a key twice; `message` is the key.
  CSimdJSONStatusDuplicateKey,
} CSimdJSONStatus;

/// One parsed non-blank line.
typedef struct CSimdJSONDocument {
  CSimdJSONStatus status;
  /// The 1-based physical line.
  size_t line;
  const char *message;
  size_t messageLength;
  /// The object's entries, the object itself first (its `count` members follow, each with
  /// its `descendants`).
  const CSimdJSONEntry *entries;
} CSimdJSONDocument;

/// An opaque reader: a simdjson parser and the scratch storage for one document.
typedef struct CSimdJSONReader CSimdJSONReader;

/// Bytes that must be readable (any content) after the end of a buffer given to a reader.
size_t CSimdJSON_padding(void);

/// Creates a reader, or returns NULL when out of memory.
CSimdJSONReader *CSimdJSON_readerCreate(void);

/// Frees a reader.
void CSimdJSON_readerDestroy(CSimdJSONReader *reader);

/// Starts iterating `length` bytes of complete lines (the last may lack its newline), whose first
/// line is `firstLine`. `CSimdJSON_padding()` bytes after the end must be readable.
void CSimdJSON_readerReset(CSimdJSONReader *reader, const char *buffer, size_t length,
                           size_t firstLine);

/// Parses the next non-blank line into `document`; returns 0 when no line is left, else 1.
/// Blank lines (only spaces, tabs, CR, VT, FF) are skipped but counted.
int CSimdJSON_readerNext(CSimdJSONReader *reader, CSimdJSONDocument *document);

/// Parses `length` bytes as one document, whatever lines it spans, into `document` (line 1), as
/// `CSimdJSON_readerNext` parses a line. `CSimdJSON_padding()` bytes after the end must be
/// readable. Ends any iteration `CSimdJSON_readerReset` started.
void CSimdJSON_readerParse(CSimdJSONReader *reader, const char *buffer, size_t length,
                           CSimdJSONDocument *document);

/// The key numbered `number` (a number an entry gave), as UTF-8 of `*length` bytes. Numbers
/// are given from 0 in order of first appearance and never change for a reader.
const char *CSimdJSON_readerKey(const CSimdJSONReader *reader, uint32_t number, size_t *length);

/// The number of newlines in `length` bytes (to number the lines of a block before parsing it).
size_t CSimdJSON_countLines(const char *buffer, size_t length);

/// How a file is parsed when measuring the floor under any reader.
typedef enum CSimdJSONFloorMode {
  /// Line by line with the DOM parser, as the reader parses a block it cannot stream.
  CSimdJSONFloorModeLines = 0,
  /// With `parse_many`, simdjson's own reader of concatenated documents.
  CSimdJSONFloorModeStream,
} CSimdJSONFloorMode;

/// Loads the file at `path` and parses every document in it with simdjson, keeping nothing:
/// what reading a JSON Lines log cannot go below. Returns the documents parsed (counting the
/// invalid ones, in `invalid`), or -1 when the file cannot be read.
long long CSimdJSON_parseFileOnly(const char *path, CSimdJSONFloorMode mode, size_t *invalid);

#ifdef __cplusplus
}
#endif
#endif
