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

/// A fast hash of a short byte string, eight bytes at a time.
uint64_t hashBytes(const char *bytes, size_t length) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ length;
  size_t i = 0;
  for (; i + 8 <= length; i += 8) {
    uint64_t chunk;
    std::memcpy(&chunk, bytes + i, 8);
    h = (h ^ chunk) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, bytes + i, length - i);
  h = (h ^ tail) * 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 29;
  return h;
}

/// A hash of a key of at most 16 bytes, from its zero-filled words and length.
uint64_t mixWords(uint64_t first, uint64_t second, size_t length) {
  uint64_t h = (first ^ 0x9E3779B97F4A7C15ull) * 0xFF51AFD7ED558CCDull;
  h ^= (second + length) * 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 29;
  return h;
}

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// Whether the digits of an integer token (no sign) exceed what its sign allows in 64 bits.
bool exceeds64Bits(std::string_view digits, bool negative) {
  std::string_view limit = negative ? "9223372036854775808" : "18446744073709551615";
  if (digits.size() != limit.size()) return digits.size() > limit.size();
  return digits > limit;
}

/// Copies a line, turning every integer token too large for 64 bits into a number with a
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

struct CSimdJSONReader {
  dom::parser parser;
  std::vector<CSimdJSONEntry> entries;
  std::string widened;
  const char *cursor = nullptr;
  const char *end = nullptr;
  size_t line = 1;
  /// The block's documents as `parse_many` reads them: one stage 1 over the whole block costs
  /// half of one per line. Each document must be an object alone on its line; on anything else
  /// (an invalid line, a document over several lines or two on one, a number too large for
  /// 64 bits) reading drops back to line by line at `cursor`, the line after the last document
  /// taken, so every line is read as a line parser reads it.
  dom::document_stream stream;
  dom::document_stream::iterator next;
  /// The block the stream reads (its indexes are offsets into it).
  const char *base = nullptr;
  bool streaming = false;
  /// `next` is the document last handed out.
  bool taken = false;
  bool duplicate = false;
  std::string_view duplicateKey;

  size_t push(std::string_view key, bool hasKey, CSimdJSONKind kind) {
    CSimdJSONEntry &entry = entries.emplace_back();
    if (hasKey) {
      entry.key = key.data();
      entry.keyLength = uint32_t(key.size());
      std::memcpy(entry.keyWords, key.data(), std::min<size_t>(key.size(), sizeof entry.keyWords));
      // Keys repeat on every line and readers compare their first 16 bytes anyway, so those
      // words (and the length) are hash enough; longer keys are hashed whole.
      entry.keyHash = key.size() <= sizeof entry.keyWords
                          ? mixWords(entry.keyWords[0], entry.keyWords[1], key.size())
                          : hashBytes(key.data(), key.size());
    }
    entry.kind = kind;
    return entries.size() - 1;
  }

  void walk(dom::element element, std::string_view key, bool hasKey);
  void checkDuplicates(size_t self);
};

/// Remembers the first key that occurs twice among the members of the object at `entries[self]`,
/// comparing keys by their hashes first.
void CSimdJSONReader::checkDuplicates(size_t self) {
  size_t n = entries[self].count;
  if (n < 2 || duplicate) return;
  auto next = [this](size_t member) { return member + 1 + entries[member].descendants; };
  if (n <= 16) {
    size_t a = self + 1;
    for (size_t left = n; left > 1; left--, a = next(a)) {
      const CSimdJSONEntry &first = entries[a];
      size_t b = next(a);
      for (size_t right = left - 1; right > 0; right--, b = next(b)) {
        const CSimdJSONEntry &second = entries[b];
        if (first.keyHash == second.keyHash && first.keyLength == second.keyLength &&
            std::memcmp(first.key, second.key, first.keyLength) == 0) {
          duplicate = true;
          duplicateKey = std::string_view(first.key, first.keyLength);
          return;
        }
      }
    }
    return;
  }
  std::vector<std::string_view> sorted;
  sorted.reserve(n);
  size_t member = self + 1;
  for (size_t left = n; left > 0; left--, member = next(member)) {
    sorted.emplace_back(entries[member].key, entries[member].keyLength);
  }
  std::sort(sorted.begin(), sorted.end());
  auto found = std::adjacent_find(sorted.begin(), sorted.end());
  if (found != sorted.end()) {
    duplicate = true;
    duplicateKey = *found;
  }
}

/// Appends `element` and, for containers, its children in pre-order. The document is already
/// valid, so every access succeeds.
void CSimdJSONReader::walk(dom::element element, std::string_view key, bool hasKey) {
  switch (element.type()) {
    case dom::element_type::OBJECT: {
      size_t self = push(key, hasKey, CSimdJSONKindObject);
      size_t count = 0;
      for (dom::key_value_pair field : dom::object(element)) {
        walk(field.value, field.key, true);
        count++;
      }
      entries[self].count = uint32_t(count);
      entries[self].descendants = uint32_t(entries.size() - self - 1);
      checkDuplicates(self);
      return;
    }
    case dom::element_type::ARRAY: {
      size_t self = push(key, hasKey, CSimdJSONKindArray);
      size_t count = 0;
      for (dom::element child : dom::array(element)) {
        walk(child, {}, false);
        count++;
      }
      entries[self].count = uint32_t(count);
      entries[self].descendants = uint32_t(entries.size() - self - 1);
      return;
    }
    case dom::element_type::STRING: {
      std::string_view text = element.get_string().value_unsafe();
      size_t at = push(key, hasKey, CSimdJSONKindString);
      entries[at].string = text.data();
      entries[at].stringLength = uint32_t(text.size());
      entries[at].stringHash = hashBytes(text.data(), text.size());
      return;
    }
    case dom::element_type::INT64: {
      size_t at = push(key, hasKey, CSimdJSONKindInt);
      entries[at].bits = uint64_t(element.get_int64().value_unsafe());
      return;
    }
    case dom::element_type::UINT64: {
      size_t at = push(key, hasKey, CSimdJSONKindUInt);
      entries[at].bits = element.get_uint64().value_unsafe();
      return;
    }
    case dom::element_type::DOUBLE: {
      size_t at = push(key, hasKey, CSimdJSONKindDouble);
      double real = element.get_double().value_unsafe();
      std::memcpy(&entries[at].bits, &real, sizeof real);
      return;
    }
    case dom::element_type::BOOL:
      push(key, hasKey, element.get_bool().value_unsafe() ? CSimdJSONKindTrue : CSimdJSONKindFalse);
      return;
    case dom::element_type::NULL_VALUE:
      push(key, hasKey, CSimdJSONKindNull);
      return;
  }
}

extern "C" size_t CSimdJSON_padding(void) { return SIMDJSON_PADDING; }

extern "C" size_t CSimdJSON_countLines(const char *buffer, size_t length) {
  size_t lines = 0;
  const char *end = buffer + length;
  for (const char *p = buffer; p < end; lines++) {
    p = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
    if (!p) break;
    p++;
  }
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
  // One batch for the whole block, so every line fits in it.
  if (reader->parser.parse_many(buffer, length, length).get(reader->stream)) return;
  reader->next = reader->stream.begin();
  reader->streaming = true;
}

namespace {

/// Parses one line; on a number too large for 64 bits, parses a widened copy instead.
error_code parseLine(CSimdJSONReader *reader, const char *start, size_t length,
                     dom::element &root) {
  error_code code = reader->parser.parse(start, length, false).get(root);
  if (code != NUMBER_ERROR || !widenBigIntegers(start, length, reader->widened)) return code;
  return reader->parser.parse(reader->widened).get(root);
}

}  // namespace

namespace {

/// Fills `document` with the object at `root`, read from `line`.
void take(CSimdJSONReader *reader, dom::element root, size_t line, CSimdJSONDocument *document) {
  *document = CSimdJSONDocument{};
  document->line = line;
  reader->entries.clear();
  reader->duplicate = false;
  reader->walk(root, {}, false);
  if (reader->duplicate) {
    document->status = CSimdJSONStatusDuplicateKey;
    document->message = reader->duplicateKey.data();
    document->messageLength = reader->duplicateKey.size();
    return;
  }
  document->status = CSimdJSONStatusObject;
  document->entries = reader->entries.data();
  document->entryCount = reader->entries.size();
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

    *document = CSimdJSONDocument{};
    document->line = line;
    dom::element root;
    if (error_code code = parseLine(reader, start, size_t(stop - start), root)) {
      const char *message = error_message(code);
      document->status = CSimdJSONStatusInvalid;
      document->message = message;
      document->messageLength = std::strlen(message);
      return 1;
    }
    if (root.type() != dom::element_type::OBJECT) {
      document->status = CSimdJSONStatusNotObject;
      return 1;
    }
    take(reader, root, line, document);
    return 1;
  }
  return 0;
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
