#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// CEL equality: numbers compare by value across int, uint and double (`1 == 1.0`,
/// `1u == 1`); values of different kinds are unequal, never an error; NaN equals nothing;
/// lists and maps compare element by element, maps regardless of order.
extension Value: Equatable {
  /// CEL `==` for values that are not errors; two errors are equal when their messages are.
  public static func == (a: Value, b: Value) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.string(let x), .string(let y)): return sameText(x, y)
    case (.bytes(let x), .bytes(let y)): return x == y
    case (.timestamp(let x), .timestamp(let y)): return x == y
    case (.duration(let x), .duration(let y)): return x == y
    case (.type(let x), .type(let y)): return x == y
    case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0 == $1 }
    case (.map(let x), .map(let y)): return mapsEqual(x.entries, y.count) { y[$0] }
    case (.record(let x), .record(let y)):
      return x.isSameRow(as: y) || mapsEqual(x.fieldEntries, y.fieldCount) { y.value(forKey: $0) }
    case (.record(let x), .map(let y)), (.map(let y), .record(let x)):
      return mapsEqual(y.entries, x.fieldCount) { x.value(forKey: $0) }
    case (.error(let x), .error(let y)): return x.message == y.message
    default:
      guard let order = Value.numericOrder(a, b) else { return false }
      return order == .equal
    }
  }

  /// CEL `_==_` as an expression: an error operand is the result, otherwise a bool.
  public static func celEquals(_ a: Value, _ b: Value) -> Value {
    if case .error = a { return a }
    if case .error = b { return b }
    return .bool(a == b)
  }

  /// Code-point equality: Swift's `==` on strings also equates canonically equivalent text
  /// (`é` and `e` + U+0301), which CEL does not.
  public static func sameText(_ x: String, _ y: String) -> Bool {
    withUTF8(x, y) { sameUTF8($0, $1) }
  }

  /// Whether two strings given as UTF-8 are the same text: the same bytes are the same code
  /// points, as CEL compares text. Readers and fast paths compare text where it is kept.
  @inlinable
  public static func sameUTF8(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    a.count == b.count && bytesEqual(a, b, count: a.count)
  }

  /// Whether the text of UTF-8 `a` starts with the text of UTF-8 `prefix`.
  static func utf8(_ a: UnsafeBufferPointer<UInt8>, startsWith prefix: UnsafeBufferPointer<UInt8>) -> Bool {
    a.count >= prefix.count && bytesEqual(a, prefix, count: prefix.count)
  }

  /// Calls `body` with a string's UTF-8, in place when the string is native (a bridged or
  /// otherwise non-contiguous string is copied first). Inlinable, so that callers get it
  /// specialized: called generically it looked up type metadata at run time on every call.
  @inlinable
  public static func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(text.utf8).withUnsafeBufferPointer(body)
  }

  /// Calls `body` with the UTF-8 bytes of two strings, without copying native strings.
  static func withUTF8<R>(
    _ x: String, _ y: String, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R
  ) -> R {
    withUTF8(x) { a in withUTF8(y) { b in body(a, b) } }
  }

  /// Whether `count` bytes at `a` and `b` are equal, compared inline by words that may
  /// overlap: for the short strings compared most (keys, ids, interned values of 4 to 16
  /// bytes), where a call to `memcmp` cost more than the compare (the record builder's
  /// intern table, which compares every repeated string of a log).
  @inline(__always)
  static func wordsEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Bool {
    func word<T: FixedWidthInteger>(_ at: Int, _: T.Type) -> Bool {
      a.loadUnaligned(fromByteOffset: at, as: T.self) == b.loadUnaligned(fromByteOffset: at, as: T.self)
    }
    switch count {
    case 0: return true
    case 1..<4: return word(0, UInt8.self) && word(count / 2, UInt8.self) && word(count - 1, UInt8.self)
    case 4..<8: return word(0, UInt32.self) && word(count - 4, UInt32.self)
    default:
      var at = 0
      while at + 8 < count {
        guard word(at, UInt64.self) else { return false }
        at += 8
      }
      return word(count - 8, UInt64.self)
    }
  }

  /// Whether the first `count` bytes of two buffers (each at least that long) are equal.
  @usableFromInline
  static func bytesEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, count: Int) -> Bool {
    guard count > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return true }
    return memcmp(pa, pb, count) == 0
  }

  /// True when every entry of `entries` is found, equal, through `lookup`, and the sizes match.
  private static func mapsEqual(
    _ entries: [(key: Value, value: Value)], _ otherCount: Int, lookup: (Value) -> Value?
  ) -> Bool {
    guard entries.count == otherCount else { return false }
    for entry in entries {
      guard let other = lookup(entry.key), other == entry.value else { return false }
    }
    return true
  }
}

extension Record {
  /// Present fields as map entries with string keys, for equality with maps.
  var fieldEntries: [(key: Value, value: Value)] { fields.map { (Value.string($0.name), $0.value) } }

  /// The number of present fields (the row's cell count; no field is read).
  var fieldCount: Int { storage.header(row).count }

  /// The value of a field named by a string key; nil for other keys or absent fields.
  func value(forKey key: Value) -> Value? {
    guard case .string(let name) = key else { return nil }
    return field(name)
  }
}
