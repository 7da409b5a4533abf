/// A storage written out as bytes and read back: a log too large to hold keeps most of its
/// blocks' storages in a scratch file, and reads each back when a rule or a report needs it.
///
/// The form is private to one run (native byte order, the same layout object): the storage's
/// own parts as they are in memory (the rows, the strings kept as UTF-8, where each interned
/// string starts, the interned strings), so writing copies each part once and reading reads
/// each straight into the buffer the storage keeps. Whoever writes them keeps their sizes.
extension RecordStorage {
  /// The sizes of the parts of a storage written out, in bytes (`starts` for the interned
  /// strings' starts).
  public struct SpillSizes: Sendable {
    public let bytes: Int
    public let text: Int
    public let starts: Int
    public let interned: Int
  }

  /// Calls `body` with the storage's parts, in the order they are read back, and their sizes;
  /// nil (and no call) when it keeps values other than scalars and strings (lists, maps,
  /// bytes), which have no byte form here. The parts are the storage's own memory: they are
  /// written out as they are, without a copy.
  public func withSpillParts<R>(_ body: (SpillSizes, [UnsafeRawBufferPointer]) -> R) -> R? {
    guard others.isEmpty else { return nil }
    return internedStarts.withUnsafeBytes { starts in
      let sizes = SpillSizes(bytes: bytes.count, text: text.count, starts: starts.count, interned: interned.count)
      let parts = [UnsafeRawBufferPointer(bytes), UnsafeRawBufferPointer(text), starts, UnsafeRawBufferPointer(interned)]
      return body(sizes, parts)
    }
  }

  /// The storage whose parts (`withSpillParts`) were written out with sizes `sizes`, its rows keyed by `layout`'s
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

  /// About the memory the storage takes: its rows and its strings.
  public var footprint: Int { bytes.count + text.count + interned.count + internedStarts.count * 8 }
}
