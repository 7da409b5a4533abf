/// UTF-8 text built by appending: the sentence of every finding, and the reports that print them.
///
/// A report of a million-event log appends tens of millions of short pieces. Appending to a
/// `String` re-checks its storage and encoding each time, and an `Array` checks it is the sole
/// owner and calls `memcpy`; this buffer owns its one allocation outright (it cannot be copied),
/// so an append is a capacity check and a few loads and stores.
struct TextBuffer: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// Bytes written so far.
  private(set) var count = 0

  init(capacity: Int) {
    self.capacity = max(capacity, 64)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// The text.
  var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

  /// A copy of the bytes, to hand to another thread or a sink.
  var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

  /// Reads the bytes from `start` on, in place.
  func withBytes<R>(from start: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    body(UnsafeBufferPointer(start: base + start, count: count - start))
  }

  /// Empties the buffer, keeping its memory for the next text.
  mutating func removeAll() { count = 0 }

  /// Drops the bytes from `start` on.
  mutating func removeBytes(from start: Int) { count = min(count, start) }

  /// Makes room for `extra` more bytes and returns where they go; `advance(by:)` then counts
  /// the bytes written there.
  @inline(__always)
  mutating func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
    if count + extra > capacity { grow(to: count + extra) }
    return base + count
  }

  /// Counts bytes written at the address `reserve` returned.
  @inline(__always)
  mutating func advance(by written: Int) { count += written }

  @inline(never)
  private mutating func grow(to needed: Int) {
    let larger = max(needed, capacity * 2)
    let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
    moved.initialize(from: base, count: count)
    base.deallocate()
    base = moved
    capacity = larger
  }

  /// Appends bytes.
  @inline(__always)
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    let at = reserve(bytes.count)
    TextBuffer.copy(source, to: at, count: bytes.count)
    count += bytes.count
  }

  /// Appends one byte.
  @inline(__always)
  mutating func append(byte: UInt8) {
    reserve(1).pointee = byte
    count += 1
  }

  /// Appends an integer in decimal, as `String(value)` writes it.
  mutating func append(_ value: Int) {
    var rest = value.magnitude
    // Digits, last first, then the sign: 20 digits and a sign at most.
    let at = reserve(21)
    var end = 21
    repeat {
      end -= 1
      at[end] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
      rest /= 10
    } while rest > 0
    if value < 0 {
      end -= 1
      at[end] = UInt8(ascii: "-")
    }
    // Moved to the front, first byte first (the regions overlap only that way round).
    let length = 21 - end
    for i in 0..<length { at[i] = at[end + i] }
    count += length
  }

  /// Appends text.
  mutating func append(_ text: String) {
    // Native and small strings are contiguous UTF-8; only a foreign one needs converting.
    if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
      var text = text
      text.withUTF8 { append($0) }
    }
  }

  /// Appends a literal. Only literals use `+=`: with a `String` overload too, Swift would pick
  /// it for every literal and lose the length known at compile time.
  @inline(__always)
  static func += (buffer: inout TextBuffer, text: StaticString) {
    buffer.append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// Appends the items with a separator between them (by position: iterating would copy,
  /// and so count, each item).
  mutating func append(_ items: [String], separator: StaticString) {
    for i in items.indices {
      if i > 0 { self += separator }
      append(items[i])
    }
  }

  /// Copies a short piece with a few overlapping word moves, a long one with `memcpy`: most
  /// pieces of a sentence are a handful of bytes, where a call to `memcpy` costs more than
  /// the copy.
  @inline(__always)
  static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
    let from = UnsafeRawPointer(source)
    let to = UnsafeMutableRawPointer(target)
    switch count {
    case 8...16:
      let head = from.loadUnaligned(as: UInt64.self)
      let tail = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
      to.storeBytes(of: head, as: UInt64.self)
      to.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
    case 4..<8:
      let head = from.loadUnaligned(as: UInt32.self)
      let tail = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
      to.storeBytes(of: head, as: UInt32.self)
      to.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
    case 0..<4:
      for i in 0..<count { target[i] = source[i] }
    default:
      to.copyMemory(from: from, byteCount: count)
    }
  }
}
