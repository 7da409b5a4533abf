/// JSON text written into a ``TextBuffer``, optionally handed to a sink in pieces.
///
/// Strings are checked eight bytes at a time for what JSON must escape (a quote, a backslash, a
/// control character) and copied whole when, as nearly always, there is none.
struct JSONBytes: ~Copyable {
  private(set) var buffer: TextBuffer
  private let sink: ((UnsafeBufferPointer<UInt8>) -> Void)?

  /// A buffer that keeps everything (read it with `text`), starting with room for `capacity`
  /// bytes.
  init(capacity: Int = 1 << 16) {
    sink = nil
    buffer = TextBuffer(capacity: capacity)
  }

  /// A buffer that passes its bytes to `sink` when pieces are added and at the end.
  init(flushingTo sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
    self.sink = sink
    buffer = TextBuffer(capacity: 1 << 16)
  }

  /// Writes JSON at the end of `text`, a buffer its owner keeps from one use to the next (a
  /// report's batches).
  static func append(to text: inout TextBuffer, _ body: (inout JSONBytes) -> Void) {
    var json = JSONBytes(capacity: 0)
    swap(&json.buffer, &text)
    body(&json)
    swap(&json.buffer, &text)
  }

  /// The buffer as text.
  var text: String { buffer.text }

  /// Adds a piece written elsewhere: with a sink, what is buffered goes first and the piece
  /// follows as it is, without being copied.
  mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
    if let sink {
      flush()
      sink(piece)
    } else {
      buffer.append(piece)
    }
  }

  /// Hands the buffer to the sink when it holds a megabyte or more (a long list of rejected
  /// records, say).
  mutating func flushIfFull() {
    if buffer.count >= 1 << 20 { flush() }
  }

  /// Hands whatever is buffered to the sink.
  mutating func flush() {
    guard let sink, buffer.count > 0 else { return }
    buffer.withBytes(from: 0, sink)
    buffer.removeAll()
  }

  /// Appends text that needs no escaping (keys, punctuation).
  @inline(__always)
  mutating func raw(_ text: StaticString) { buffer += text }

  /// Appends bytes that need no escaping (pieces written with this type).
  mutating func raw(_ bytes: UnsafeBufferPointer<UInt8>) { buffer.append(bytes) }

  mutating func int(_ value: Int) { buffer.append(value) }

  /// Appends a quoted string, escaping quotes, backslashes and control characters.
  mutating func string(_ text: String) {
    if text.utf8.withContiguousStorageIfAvailable({ string($0) }) == nil {
      var text = text
      text.withUTF8 { string($0) }
    }
  }

  /// Appends UTF-8 bytes as a quoted string.
  mutating func string(_ utf8: UnsafeBufferPointer<UInt8>) {
    guard let source = utf8.baseAddress, !JSONBytes.needsEscaping(utf8) else {
      escaping(utf8)
      return
    }
    let n = utf8.count
    let at = buffer.reserve(n + 2)
    at[0] = UInt8(ascii: "\"")
    TextBuffer.copy(source, to: at + 1, count: n)
    at[n + 1] = UInt8(ascii: "\"")
    buffer.advance(by: n + 2)
  }

  /// Appends, as a quoted string, the text `write` appends to the buffer: written in place, and
  /// escaped afterwards in the rare case it needs it.
  mutating func string(_ write: (inout TextBuffer) -> Void) {
    buffer.append(byte: UInt8(ascii: "\""))
    let start = buffer.count
    write(&buffer)
    guard buffer.withBytes(from: start, { JSONBytes.needsEscaping($0) }) else {
      buffer.append(byte: UInt8(ascii: "\""))
      return
    }
    let written = buffer.withBytes(from: start) { Array($0) }
    buffer.removeBytes(from: start - 1)
    written.withUnsafeBufferPointer { escaping($0) }
  }

  /// Appends a quoted string that needs escapes, a byte at a time.
  private mutating func escaping(_ utf8: UnsafeBufferPointer<UInt8>) {
    buffer.append(byte: UInt8(ascii: "\""))
    for byte in utf8 {
      switch byte {
      case UInt8(ascii: "\""): buffer += "\\\""
      case UInt8(ascii: "\\"): buffer += "\\\\"
      case 0x0A: buffer += "\\n"
      case 0x0D: buffer += "\\r"
      case 0x09: buffer += "\\t"
      case 0..<0x20:
        let hex: StaticString = "0123456789abcdef"
        buffer += "\\u00"
        buffer.append(byte: hex.utf8Start[Int(byte >> 4)])
        buffer.append(byte: hex.utf8Start[Int(byte & 15)])
      default: buffer.append(byte: byte)
      }
    }
    buffer.append(byte: UInt8(ascii: "\""))
  }

  /// Whether any byte is a quote, a backslash or below 0x20: two words at a time, then the
  /// last one or two words (overlapping those before), then bytes for a string shorter than a
  /// word. (Swift's `SIMD16` comparisons compile to a byte loop here; words do not.)
  static func needsEscaping(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let bytes = utf8.baseAddress else { return false }
    let count = utf8.count
    guard count >= 8 else {
      for i in 0..<count where bytes[i] < 0x20 || bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "\\") {
        return true
      }
      return false
    }
    let raw = UnsafeRawPointer(bytes)
    var found: UInt64 = 0
    var at = 0
    while at + 16 <= count {
      found |= special(raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
      found |= special(raw.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))
      at += 16
    }
    if at + 8 <= count {
      found |= special(raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
      at += 8
    }
    if at < count { found |= special(raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) }
    return found != 0
  }

  /// Non-zero when a byte of the word is below 0x20, a quote or a backslash (the classic
  /// "has a byte less than n" and "has a zero byte" tests, exact as a yes or no).
  @inline(__always)
  private static func special(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let control = (word &- ones &* 0x20) & ~word
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    return (control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & high
  }
}
