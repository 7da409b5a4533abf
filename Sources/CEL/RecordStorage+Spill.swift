/// A storage written out as bytes and read back: a log too large to hold keeps most of its
/// blocks' storages in a scratch file, and reads each back when a rule or a report needs it.
///
/// The form is private to one run (native byte order, the same layout object): the bytes of
/// the rows and of the UTF-8 strings, then each interned string's UTF-8.
extension RecordStorage {
  /// Appends the storage's bytes to `out`; false (and nothing appended) when it keeps values
  /// other than scalars and strings (lists, maps, bytes), which have no byte form here.
  public func spill(into out: inout [UInt8]) -> Bool {
    guard others.isEmpty else { return false }
    func append<T: FixedWidthInteger>(_ value: T) {
      withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }
    append(UInt64(bytes.count))
    append(UInt64(text.count))
    append(UInt64(strings.count))
    out.append(contentsOf: UnsafeRawBufferPointer(bytes))
    out.append(contentsOf: UnsafeRawBufferPointer(text))
    for string in strings {
      var string = string
      string.withUTF8 { utf8 in
        append(UInt32(utf8.count))
        out.append(contentsOf: utf8)
      }
    }
    return true
  }

  /// The storage whose `spill(into:)` wrote `spilled`, its rows keyed by `layout`'s slots (the
  /// layout it was built with).
  public convenience init(layout: RecordLayout, spilled: UnsafeRawBufferPointer) {
    var at = 0
    func next<T: FixedWidthInteger>(_: T.Type) -> T {
      defer { at += MemoryLayout<T>.size }
      return T(littleEndian: spilled.loadUnaligned(fromByteOffset: at, as: T.self))
    }
    func take(_ count: Int) -> UnsafeRawBufferPointer {
      defer { at += count }
      return UnsafeRawBufferPointer(rebasing: spilled[at..<(at + count)])
    }
    let (byteCount, textCount, stringCount) = (next(UInt64.self), next(UInt64.self), next(UInt64.self))
    let bytes = take(Int(byteCount))
    let text = take(Int(textCount))
    var strings: [String] = []
    strings.reserveCapacity(Int(stringCount))
    for _ in 0..<stringCount {
      let utf8 = take(Int(next(UInt32.self)))
      strings.append(String(decoding: utf8, as: UTF8.self))
    }
    self.init(layout: layout, bytes: bytes, strings: strings, others: [], text: text)
  }
}

extension RecordStorage {
  /// About the memory the storage takes: its rows, its strings' bytes, and each string's own
  /// share (a `String` and its allocation, when longer than a small one).
  public var footprint: Int {
    bytes.count + text.count + strings.count * 2 * MemoryLayout<String>.stride
  }
}
