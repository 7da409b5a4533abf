/// A storage written out as bytes and read back: a log too large to hold keeps most of its
/// blocks' storages in a scratch file, and reads each back when a rule or a report needs it.
///
/// The form is private to one run (native byte order, the same layout object): the bytes of
/// the rows, those of the strings kept as UTF-8, where each interned string starts, and the
/// interned strings' UTF-8; the sizes of the four parts are kept by whoever wrote them. A
/// storage read back keeps the interned strings as that UTF-8 (`interned`), and each part is
/// read straight into the buffer the storage keeps.
extension RecordStorage {
  /// The sizes of the parts of a storage written out, in bytes (`starts` for the interned
  /// strings' starts).
  public struct SpillSizes: Sendable {
    public let bytes: Int
    public let text: Int
    public let starts: Int
    public let interned: Int

    /// All of them.
    public var total: Int { bytes + text + starts + interned }
  }

  /// Appends the storage's parts to `out`, and says how large each is; nil (and nothing
  /// appended) when it keeps values other than scalars and strings (lists, maps, bytes),
  /// which have no byte form here.
  public func spill(into out: inout [UInt8]) -> SpillSizes? {
    guard others.isEmpty else { return nil }
    let count = stringCount
    out.append(contentsOf: UnsafeRawBufferPointer(bytes))
    out.append(contentsOf: UnsafeRawBufferPointer(text))
    var start = 0
    withUnsafeBytes(of: start) { out.append(contentsOf: $0) }
    for n in 0..<count {
      start += withUTF8(UInt32(n)) { $0.count }
      withUnsafeBytes(of: start) { out.append(contentsOf: $0) }
    }
    for n in 0..<count { withUTF8(UInt32(n)) { out.append(contentsOf: $0) } }
    return SpillSizes(
      bytes: bytes.count, text: text.count, starts: (count + 1) * MemoryLayout<Int>.stride, interned: start)
  }

  /// The storage whose `spill(into:)` wrote parts of `sizes`, its rows keyed by `layout`'s
  /// slots (the layout it was built with): `read` fills each part's buffer in turn, in the
  /// order they were written.
  public convenience init(
    layout: RecordLayout, sizes: SpillSizes, reading read: (UnsafeMutableRawBufferPointer) -> Void
  ) {
    func part(_ count: Int) -> UnsafeMutableRawBufferPointer {
      let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 8)
      read(buffer)
      return buffer
    }
    let bytes = part(sizes.bytes)
    let text = part(sizes.text)
    let count = sizes.starts / MemoryLayout<Int>.stride
    let starts = [Int](unsafeUninitializedCapacity: count) { buffer, initialized in
      read(UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[0..<count])))
      initialized = count
    }
    self.init(layout: layout, adopting: bytes, text: text, interned: part(sizes.interned), internedStarts: starts)
  }

  /// About the memory the storage takes: its rows, its strings' bytes, and each string's own
  /// share (a `String` and its allocation, when longer than a small one).
  public var footprint: Int {
    bytes.count + text.count + interned.count + internedStarts.count * 8
      + strings.count * 2 * MemoryLayout<String>.stride
  }
}
