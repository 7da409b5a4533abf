// The simdjson shim behind CSimdJSON.h: a block's lines parsed as one stream of documents (or
// line by line, where a stream would read them differently), each flattened into entries.
//
// The DOM parser is used rather than On-Demand because it lives in the shared library and picks
// the best kernel for the CPU at run time (On-Demand is compiled into this file, and without
// -march flags it would be the scalar fallback), and because it checks the whole line.
#include "CSimdJSON.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <vector>

using namespace simdjson;

namespace {

/// The eight bytes at `bytes`, wherever they are aligned.
uint64_t load64(const char *bytes) {
  uint64_t word;
  std::memcpy(&word, bytes, 8);
  return word;
}

/// The four bytes at `bytes`, wherever they are aligned.
uint32_t load32(const char *bytes) {
  uint32_t word;
  std::memcpy(&word, bytes, 4);
  return word;
}

/// The 128-bit product of two words, its halves folded, so the low bits too depend on every
/// bit of both (the low half alone depends only on the low bits of the factors).
uint64_t mix(uint64_t a, uint64_t b) {
  __uint128_t product = __uint128_t(a) * b;
  return uint64_t(product) ^ uint64_t(product >> 64);
}

/// A fast hash of a short byte string, sixteen bytes to a multiply, the last sixteen (or
/// fewer) read by loads that may overlap the bytes before but never leave the string. Taken a
/// byte at a time, the last bytes were 37 of the 65 instructions a hash took on the benchmark
/// log; eight bytes to a multiply a hash took 26, sixteen 17. Equal strings hash equal, and
/// the length is hashed too, so an overlap loses nothing; the values spread over the low bits
/// (the bits a table of strings is indexed by) as evenly as a random hash's or more. A
/// multiply's second factor is a word of the string xor a constant that holds a byte no UTF-8
/// holds (0xFF, 0xFE), and simdjson checks every string is UTF-8, so it is never zero.
uint64_t hashBytes(const char *bytes, size_t length) {
  uint64_t seed = 0x9E3779B97F4A7C15ull ^ length;
  uint64_t first;
  uint64_t last;
  if (length > 16) {
    for (size_t i = 0; i + 16 < length; i += 16) {
      seed = mix(seed ^ load64(bytes + i), 0xFF51AFD7ED558CCDull ^ load64(bytes + i + 8));
    }
    first = load64(bytes + length - 16);
    last = load64(bytes + length - 8);
  } else if (length >= 8) {
    first = load64(bytes);
    last = load64(bytes + length - 8);
  } else if (length >= 4) {
    first = load32(bytes);
    last = load32(bytes + length - 4);
  } else if (length > 0) {
    first = uint64_t(uint8_t(bytes[0])) << 16 | uint64_t(uint8_t(bytes[length / 2])) << 8 |
            uint8_t(bytes[length - 1]);
    last = 0;
  } else {
    first = 0;
    last = 0;
  }
  return mix(seed ^ first, 0xC4CEB9FE1A85EC53ull ^ last);
}

/// Sixteen bytes, compared and counted lane by lane (one SSE2 or NEON register).
typedef signed char ByteLanes __attribute__((vector_size(16)));

/// Bytes a stream parses at a time (`parse_many`'s batch size).
constexpr size_t batchSize = 64 * 1024;

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// Whether the digits of an integer token (no sign) exceed what its sign allows in 64 bits.
bool exceeds64Bits(std::string_view digits, bool negative) {
  std::string_view limit = negative ? "9223372036854775808" : "18446744073709551615";
  if (digits.size() != limit.size()) return digits.size() > limit.size();
  return digits > limit;
}

/// Copies a document, turning every integer token too large for 64 bits into a number with a
/// fraction (`…0` → `…0.0`), so the parser reads it as a double as the JSON model says.
/// Returns false when no token needed it.
bool widenBigIntegers(const char *start, size_t length, std::string &out) {
  out.clear();
  bool changed = false;
  bool inString = false;
  size_t i = 0;
  while (i < length) {
    char c = start[i];
    if (inString) {
      out.push_back(c);
      if (c == '\\' && i + 1 < length) out.push_back(start[++i]);
      else if (c == '"') inString = false;
      i++;
      continue;
    }
    if (c == '"') {
      inString = true;
      out.push_back(c);
      i++;
      continue;
    }
    if (c == '-' || isDigit(c)) {
      size_t tokenStart = i;
      bool negative = c == '-';
      if (negative) i++;
      size_t digitsStart = i;
      while (i < length && isDigit(start[i])) i++;
      std::string_view digits(start + digitsStart, i - digitsStart);
      bool integer = i >= length || (start[i] != '.' && start[i] != 'e' && start[i] != 'E');
      out.append(start + tokenStart, i - tokenStart);
      if (integer && !digits.empty() && exceeds64Bits(digits, negative)) {
        out.append(".0");
        changed = true;
      }
      continue;
    }
    out.push_back(c);
    i++;
  }
  return changed;
}

}  // namespace

// Aligned to, and so padded to a multiple of, 128 bytes: each parsing thread has a reader and
// writes its fields for every document, and two readers allocated one after the other shared a
// cache line at their boundary, which the two cores then took turns for (see the Swift side's
// `CacheLineSlots`).
struct alignas(128) CSimdJSONReader {
  dom::parser parser;
  std::vector<CSimdJSONEntry> entries;
  std::string widened;
  const char *cursor = nullptr;
  const char *end = nullptr;
  size_t line = 1;
  /// The block's documents as `parse_many` reads them: one stage 1 over many lines at once costs
  /// less than one per line. Each document must be an object alone on its line; on anything
  /// else (an invalid line, a document over several lines or two on one, a number too large for
  /// 64 bits, a line longer than a batch) reading drops back to line by line at `cursor`, the
  /// line after the last document taken, so every line is read as a line parser reads it.
  dom::document_stream stream;
  dom::document_stream::iterator next;
  /// The block the stream reads (its indexes are offsets into it).
  const char *base = nullptr;
  bool streaming = false;
  /// `next` is the document last handed out.
  bool taken = false;
  /// The first key met twice in one object of the document, when `duplicate`.
  bool duplicate = false;
  std::string duplicateKey;

  /// A distinct key, by its number.
  struct Key {
    std::string name;
    uint64_t hash;
    /// The key that followed it last time: records of a log mostly repeat their keys in one
    /// order, so the key predicted is usually the key met, confirmed by one compare instead of
    /// a hash and a probe.
    uint32_t follower = CSimdJSONNoKey;
    /// Where it came first in the last object checked for duplicates.
    uint32_t firstMember = 0;
    /// The last object that had it (`objects` numbers objects as they are walked or checked),
    /// in 64 bits so the numbers never come round to a stamp still in a key.
    uint64_t lastObject = 0;
  };
  std::vector<Key> keys;
  /// An open-addressing table over `keys`: a key's number plus one, or 0 where empty.
  std::vector<uint32_t> keyTable = std::vector<uint32_t>(64, 0);
  uint64_t objects = 0;
  /// The first key of the last object, the prediction for the next object's first key.
  uint32_t firstKey = CSimdJSONNoKey;

  /// Whether a key's name is `key`, compared in place a word at a time (the last word by a
  /// load that may overlap the one before, never past either string): keys are a few bytes
  /// long, and a call to memcmp for every member of every record cost more than the compare.
  /// A byte at a time, compares took 32M instructions for 100k records of the benchmark log.
  static bool sameKey(const std::string &name, std::string_view key) {
    size_t length = key.size();
    if (name.size() != length) return false;
    const char *a = name.data();
    const char *b = key.data();
    if (length >= 8) {
      for (size_t i = 0; i + 8 < length; i += 8) {
        if (load64(a + i) != load64(b + i)) return false;
      }
      return load64(a + length - 8) == load64(b + length - 8);
    }
    if (length >= 4) {
      return ((load32(a) ^ load32(b)) | (load32(a + length - 4) ^ load32(b + length - 4))) == 0;
    }
    return length == 0 || (a[0] == b[0] && a[length / 2] == b[length / 2] && a[length - 1] == b[length - 1]);
  }

  /// The number of `key`, met after the key numbered `previous` in its object (or first, for
  /// `CSimdJSONNoKey`). Always inlined: the compiler left it a call once the compare got
  /// shorter, and the call cost 14M instructions for 100k records of the benchmark log.
  __attribute__((always_inline)) uint32_t keyNumber(std::string_view key, uint32_t previous) {
    uint32_t predicted = previous == CSimdJSONNoKey ? firstKey : keys[previous].follower;
    if (predicted != CSimdJSONNoKey && sameKey(keys[predicted].name, key)) return predicted;
    uint32_t number = keyNumber(key);  // may grow `keys`, so it is indexed only after
    (previous == CSimdJSONNoKey ? firstKey : keys[previous].follower) = number;
    return number;
  }

  /// The number of `key`, numbering it if it is new.
  uint32_t keyNumber(std::string_view key) {
    uint64_t hash = hashBytes(key.data(), key.size());
    size_t mask = keyTable.size() - 1;
    for (size_t at = size_t(hash) & mask; keyTable[at] != 0; at = (at + 1) & mask) {
      uint32_t number = keyTable[at] - 1;
      if (keys[number].hash == hash && sameKey(keys[number].name, key)) return number;
    }
    uint32_t number = uint32_t(keys.size());
    keys.push_back(Key{std::string(key), hash});
    if (keys.size() * 2 > keyTable.size()) {
      keyTable.assign(keyTable.size() * 2, 0);
      for (uint32_t known = 0; known < keys.size(); known++) place(known);
    } else {
      place(number);
    }
    return number;
  }

  void place(uint32_t number) {
    size_t mask = keyTable.size() - 1;
    size_t at = size_t(keys[number].hash) & mask;
    while (keyTable[at] != 0) at = (at + 1) & mask;
    keyTable[at] = number + 1;
  }

  size_t push(uint32_t key, CSimdJSONKind kind) {
    CSimdJSONEntry &entry = entries.emplace_back();
    entry.key = key;
    entry.kind = kind;
    return entries.size() - 1;
  }

  void walk(dom::element element, uint32_t key);
  /// Appends an object and its members, or an array and its elements, each with `walk`.
  void walkObject(dom::object object, uint32_t key);
  void walkArray(dom::array array, uint32_t key);
  void checkDuplicates(size_t self);
};

/// Remembers the first key (by where it first occurs) that occurs twice among the members of
/// the object at `entries[self]`, unless the document already has a duplicate.
void CSimdJSONReader::checkDuplicates(size_t self) {
  uint32_t n = entries[self].count;
  if (n < 2 || duplicate) return;
  uint64_t object = ++objects;
  uint32_t first = UINT32_MAX;  // where the first key to come twice first came
  uint32_t twice = CSimdJSONNoKey;
  size_t member = self + 1;
  for (uint32_t position = 0; position < n; position++) {
    Key &key = keys[entries[member].key];
    if (key.lastObject != object) {
      key.lastObject = object;
      key.firstMember = position;
    } else if (key.firstMember < first) {
      first = key.firstMember;
      twice = entries[member].key;
    }
    member += 1 + entries[member].descendants;
  }
  if (twice == CSimdJSONNoKey) return;
  duplicate = true;
  duplicateKey = keys[twice].name;
}

/// Appends `element` and, for containers, its children in pre-order. The document is already
/// valid, so every access succeeds. Inlined into the loops over members and elements, so a
/// scalar (nearly every value) costs no call: calls were 12M instructions for 100k records of
/// the benchmark log.
__attribute__((always_inline)) inline void CSimdJSONReader::walk(dom::element element, uint32_t key) {
  switch (element.type()) {
    case dom::element_type::OBJECT:
      walkObject(dom::object(element), key);
      return;
    case dom::element_type::ARRAY:
      walkArray(dom::array(element), key);
      return;
    case dom::element_type::STRING: {
      std::string_view text = element.get_string().value_unsafe();
      size_t at = push(key, CSimdJSONKindString);
      entries[at].string = text.data();
      entries[at].count = uint32_t(text.size());
      entries[at].bits = hashBytes(text.data(), text.size());
      return;
    }
    case dom::element_type::INT64: {
      size_t at = push(key, CSimdJSONKindInt);
      entries[at].bits = uint64_t(element.get_int64().value_unsafe());
      return;
    }
    case dom::element_type::UINT64: {
      size_t at = push(key, CSimdJSONKindUInt);
      entries[at].bits = element.get_uint64().value_unsafe();
      return;
    }
    case dom::element_type::DOUBLE: {
      size_t at = push(key, CSimdJSONKindDouble);
      double real = element.get_double().value_unsafe();
      std::memcpy(&entries[at].bits, &real, sizeof real);
      return;
    }
    case dom::element_type::BOOL:
      push(key, element.get_bool().value_unsafe() ? CSimdJSONKindTrue : CSimdJSONKindFalse);
      return;
    case dom::element_type::NULL_VALUE:
      push(key, CSimdJSONKindNull);
      return;
  }
}

void CSimdJSONReader::walkObject(dom::object object, uint32_t key) {
  size_t self = push(key, CSimdJSONKindObject);
  uint64_t number = ++objects;
  bool repeated = false;
  size_t count = 0;
  uint32_t previous = CSimdJSONNoKey;
  for (dom::key_value_pair field : object) {
    previous = keyNumber(field.key, previous);
    repeated |= keys[previous].lastObject == number;
    keys[previous].lastObject = number;
    walk(field.value, previous);
    count++;
  }
  entries[self].count = uint32_t(count);
  entries[self].descendants = uint32_t(entries.size() - self - 1);
  // Each key is stamped with the object as it is met. When every member is one entry, no
  // nested object stamped keys in between, so only a key met again can be a duplicate, and
  // an object without one (nearly every record) skips the pass over its members, 9M
  // instructions for 100k records of the benchmark log. Otherwise the pass finds the first
  // key to come twice by where it first came, as it always has.
  if (repeated || entries[self].descendants != count) checkDuplicates(self);
}

void CSimdJSONReader::walkArray(dom::array array, uint32_t key) {
  size_t self = push(key, CSimdJSONKindArray);
  size_t count = 0;
  for (dom::element child : array) {
    walk(child, CSimdJSONNoKey);
    count++;
  }
  entries[self].count = uint32_t(count);
  entries[self].descendants = uint32_t(entries.size() - self - 1);
}

extern "C" size_t CSimdJSON_padding(void) { return SIMDJSON_PADDING; }

extern "C" const char *CSimdJSON_readerKey(const CSimdJSONReader *reader, uint32_t number,
                                           size_t *length) {
  const std::string &name = reader->keys[number].name;
  *length = name.size();
  return name.data();
}

extern "C" size_t CSimdJSON_countLines(const char *buffer, size_t length) {
  // Every byte compared, 32 at a time into two vectors of counts a byte wide, summed every 255
  // rounds, before a count can wrap. On the benchmark log that is 47 instructions a line, where
  // the compiler's own vectorizing of a byte count over runs of 255 bytes took 129 (and a
  // memchr per line, one every 190 bytes or so, took more than twice as long as that).
  size_t lines = 0;
  size_t i = 0;
  while (length - i >= 32) {
    size_t rounds = std::min((length - i) / 32, size_t(255));
    ByteLanes low = {};
    ByteLanes high = {};
    for (size_t round = 0; round < rounds; round++, i += 32) {
      ByteLanes first;
      ByteLanes second;
      std::memcpy(&first, buffer + i, 16);
      std::memcpy(&second, buffer + i + 16, 16);
      low -= first == '\n';  // a lane that matches is -1
      high -= second == '\n';
    }
    for (int lane = 0; lane < 16; lane++) lines += uint8_t(low[lane]) + uint8_t(high[lane]);
  }
  for (; i < length; i++) lines += buffer[i] == '\n';
  return lines;
}

extern "C" CSimdJSONReader *CSimdJSON_readerCreate(void) {
  return new (std::nothrow) CSimdJSONReader();
}

extern "C" void CSimdJSON_readerDestroy(CSimdJSONReader *reader) { delete reader; }

extern "C" void CSimdJSON_readerReset(CSimdJSONReader *reader, const char *buffer, size_t length,
                                      size_t firstLine) {
  reader->base = buffer;
  reader->cursor = buffer;
  reader->end = buffer + length;
  reader->line = firstLine;
  reader->streaming = false;
  reader->taken = false;
  if (length == 0) return;
  // Batches of 64 KiB: stage 1 is as cheap per byte as over the whole block, and the
  // structural indexes the parser keeps stay small. A longer line fails to parse as a stream,
  // and is read, like any line a stream cannot take, on its own.
  size_t batch = std::min(length, batchSize);
  if (reader->parser.parse_many(buffer, length, batch).get(reader->stream)) return;
  reader->next = reader->stream.begin();
  reader->streaming = true;
}

namespace {

/// Parses one document (a line of a log, or a whole text); on a number too large for 64 bits,
/// parses a widened copy instead.
error_code parseDocument(CSimdJSONReader *reader, const char *start, size_t length,
                     dom::element &root) {
  error_code code = reader->parser.parse(start, length, false).get(root);
  if (code != NUMBER_ERROR || !widenBigIntegers(start, length, reader->widened)) return code;
  return reader->parser.parse(reader->widened).get(root);
}

/// Fills `document` with the object at `root`, read from `line`.
void take(CSimdJSONReader *reader, dom::element root, size_t line, CSimdJSONDocument *document) {
  *document = CSimdJSONDocument{};
  document->line = line;
  reader->entries.clear();
  reader->duplicate = false;
  reader->walkObject(dom::object(root), CSimdJSONNoKey);
  if (reader->duplicate) {
    document->status = CSimdJSONStatusDuplicateKey;
    document->message = reader->duplicateKey.data();
    document->messageLength = reader->duplicateKey.size();
    return;
  }
  document->status = CSimdJSONStatusObject;
  document->entries = reader->entries.data();
}

/// The next document of the block's stream when it is an object alone on its line, taken into
/// `document`; false (and no more streaming) otherwise.
bool nextStreamed(CSimdJSONReader *reader, CSimdJSONDocument *document) {
  reader->streaming = false;
  // The last document taken is read until this call, so the stream moves past it only now.
  if (reader->taken) ++reader->next;
  reader->taken = false;
  if (!(reader->next != reader->stream.end())) return false;
  dom::element root;
  if ((*reader->next).get(root) || root.type() != dom::element_type::OBJECT) return false;
  const char *start = reader->base + reader->next.current_index();
  std::string_view source = reader->next.source();
  if (start < reader->cursor || std::memchr(start, '\n', source.size())) return false;
  const char *p = start + source.size();
  while (p < reader->end && *p != '\n') {
    if (!isBlank(*p)) return false;
    p++;
  }
  size_t line = reader->line + CSimdJSON_countLines(reader->cursor, size_t(start - reader->cursor));
  reader->cursor = p < reader->end ? p + 1 : reader->end;
  reader->line = line + 1;
  take(reader, root, line, document);
  reader->taken = true;
  reader->streaming = true;
  return true;
}

/// Reads `length` bytes from `start` as one document, numbered `line`, into `document`.
void readDocument(CSimdJSONReader *reader, const char *start, size_t length, size_t line,
                  CSimdJSONDocument *document) {
  *document = CSimdJSONDocument{};
  document->line = line;
  dom::element root;
  if (error_code code = parseDocument(reader, start, length, root)) {
    const char *message = error_message(code);
    document->status = CSimdJSONStatusInvalid;
    document->message = message;
    document->messageLength = std::strlen(message);
    return;
  }
  if (root.type() != dom::element_type::OBJECT) {
    document->status = CSimdJSONStatusNotObject;
    return;
  }
  take(reader, root, line, document);
}

}  // namespace

extern "C" int CSimdJSON_readerNext(CSimdJSONReader *reader, CSimdJSONDocument *document) {
  if (reader->streaming && nextStreamed(reader, document)) return 1;
  while (reader->cursor < reader->end) {
    const char *start = reader->cursor;
    const char *newline =
        static_cast<const char *>(std::memchr(start, '\n', size_t(reader->end - start)));
    const char *stop = newline ? newline : reader->end;
    reader->cursor = newline ? newline + 1 : reader->end;
    size_t line = reader->line++;
    const char *p = start;
    while (p < stop && isBlank(*p)) p++;
    if (p == stop) continue;

    readDocument(reader, start, size_t(stop - start), line, document);
    return 1;
  }
  return 0;
}

extern "C" void CSimdJSON_readerParse(CSimdJSONReader *reader, const char *buffer, size_t length,
                                      CSimdJSONDocument *document) {
  reader->streaming = false;
  reader->taken = false;
  reader->cursor = reader->end = nullptr;
  readDocument(reader, buffer, length, 1, document);
}

extern "C" long long CSimdJSON_parseFileOnly(const char *path, CSimdJSONFloorMode mode, size_t *invalid) {
  padded_string text;
  if (padded_string::load(path).get(text)) return -1;
  dom::parser parser;
  long long documents = 0;
  *invalid = 0;
  if (mode == CSimdJSONFloorModeStream) {
    dom::document_stream stream;
    if (parser.parse_many(text).get(stream)) return -1;
    for (auto document : stream) {
      documents++;
      if (document.error()) (*invalid)++;
    }
    return documents;
  }
  const char *cursor = text.data();
  const char *end = cursor + text.size();
  while (cursor < end) {
    const char *newline = static_cast<const char *>(std::memchr(cursor, '\n', size_t(end - cursor)));
    const char *stop = newline ? newline : end;
    const char *p = cursor;
    while (p < stop && isBlank(*p)) p++;
    if (p < stop) {
      documents++;
      dom::element root;
      if (parser.parse(cursor, size_t(stop - cursor), false).get(root)) (*invalid)++;
    }
    cursor = newline ? newline + 1 : end;
  }
  return documents;
}
