/// UTF-8 text built by appending, for the sentences written once per finding.
///
/// Appending to a `String` re-checks its storage and encoding on every call; appending raw
/// bytes and making one `String` at the end costs a fraction of that.
struct TextBuffer {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  /// The text.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  static func += (buffer: inout TextBuffer, text: String) {
    let done: Void? = text.utf8.withContiguousStorageIfAvailable { buffer.bytes.append(contentsOf: $0) }
    if done == nil {
      // Small strings live inline, not in shared storage: `withUTF8` copies them to the stack.
      var small = text
      small.withUTF8 { buffer.bytes.append(contentsOf: $0) }
    }
  }

  static func += (buffer: inout TextBuffer, text: StaticString) {
    buffer.bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// Appends the items with a separator between them.
  mutating func append(_ items: [String], separator: StaticString) {
    for (i, item) in items.enumerated() {
      if i > 0 { self += separator }
      self += item
    }
  }
}
