/// A storage written out as bytes and read back: a log too large to hold keeps most of its
/// blocks' storages in a scratch file, and reads each back when a rule or a report needs it.
///
/// The form is private to one run (native byte order, the same layout object): the sizes, the
/// bytes of the rows and of the strings kept as UTF-8, then where each interned string starts
/// and their UTF-8. A storage read back keeps the interned strings as that UTF-8 (`interned`).
extension RecordStorage {
  /// Appends the storage's bytes to `out`; false (and nothing appended) when it keeps values
  /// other than scalars and strings (lists, maps, bytes), which have no byte form here.
  public func spill(into out: inout [UInt8]) -> Bool {
    guard others.isEmpty else { return false }
    func append<T: FixedWidthInteger>(_ value: T) {
      withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }
    let count = stringCount
    append(UInt64(bytes.count))
    append(UInt64(text.count))
    append(UInt64(count))
    out.append(contentsOf: UnsafeRawBufferPointer(bytes))
    out.append(contentsOf: UnsafeRawBufferPointer(text))
    var start = 0
    append(UInt64(start))
    for n in 0..<count {
      start += withUTF8(UInt32(n)) { $0.count }
      append(UInt64(start))
    }
    for n in 0..<count { withUTF8(UInt32(n)) { out.append(contentsOf: $0) } }
    return true
  }

  /// The storage whose `spill(into:)` wrote `spilled`, its rows keyed by `layout`'s slots (the
  /// layout it was built with).
  public convenience init(layout: RecordLayout, spilled: UnsafeRawBufferPointer) {
    var at = 0
    func next() -> Int {
      defer { at += 8 }
      return Int(UInt64(littleEndian: spilled.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
    }
    func take(_ count: Int) -> UnsafeRawBufferPointer {
      defer { at += count }
      return UnsafeRawBufferPointer(rebasing: spilled[at..<(at + count)])
    }
    let (byteCount, textCount, stringCount) = (next(), next(), next())
    let bytes = take(byteCount)
    let text = take(textCount)
    let starts = (0...stringCount).map { _ in next() }
    self.init(
      layout: layout, bytes: bytes, strings: [], others: [], text: text, interned: take(starts[stringCount]),
      internedStarts: starts)
  }

  /// About the memory the storage takes: its rows, its strings' bytes, and each string's own
  /// share (a `String` and its allocation, when longer than a small one).
  public var footprint: Int {
    bytes.count + text.count + interned.count + internedStarts.count * 8
      + strings.count * 2 * MemoryLayout<String>.stride
  }
}
