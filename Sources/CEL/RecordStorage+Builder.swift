extension RecordStorage {
  /// Builds a storage row by row: fields are appended to the open row, `endRow()` closes it
  /// and says where it starts, `build()` hands the rows over as one storage.
  ///
  /// Log readers build one storage per block of a log, so a string repeated within the block
  /// (a type, an employee, a greeting) is kept once. `intern(utf8:hash:)` finds a repeated
  /// string by the reader's hash of its bytes without making a String at all.
  public struct Builder {
    /// The layout of the rows built.
    public let layout: RecordLayout
    private var bytes = Bytes()
    private var others: [Value] = []
    private var text = Bytes()
    /// Strings interned by value (names, and strings that came as values).
    private var numbers: [String: UInt32] = [:]
    /// Where the open row starts, or nil when none is open.
    private var rowStart: Int?
    private var cells: UInt32 = 0
    /// A direct-mapped table of the strings `intern(utf8:hash:)` numbered, placed by their
    /// hash: each entry is where the string is in `interned`, plus one (0: none). Waiting for
    /// the table's memory was most of what interning cost, so an entry is four bytes (a hash,
    /// a number and a storage's count took sixteen) and more of the table stays cached.
    private var table: [UInt32]
    /// Every string interned, in number order: each its number and length (`UInt32`s), then
    /// its UTF-8, which a probe of `table` compares in place (no String, no memcmp call for a
    /// string of a dozen bytes). The storage keeps them so (`RecordStorage.interned`).
    private var interned = Bytes()
    /// Where each interned string is in `interned`, by number.
    private var starts: [Int] = []
    private static let tableBits = 14

    /// Creates a builder for rows of `layout`.
    public init(layout: RecordLayout) {
      self.layout = layout
      table = [UInt32](repeating: 0, count: 1 << Self.tableBits)
    }

    /// The number of fields appended to the open row.
    public var count: Int { Int(cells) }

    /// The slot by which a cell numbers the field `name`, or nil when the cell names it
    /// instead (an undeclared field, or one past the slots a cell can number). Log readers
    /// resolve each name once and append its fields by this slot (`append(cellSlot:...)`), so a
    /// field costs no String; only a nil slot needs the name.
    public func cellSlot(of name: String) -> Int? {
      guard let slot = layout.slot(of: name), slot < Cell.slotLimit else { return nil }
      return slot
    }

    /// Appends a field to the open row: `slot` is its slot in the layout, nil for an
    /// undeclared field. Names must be distinct within a row.
    public mutating func append(slot: Int?, name: String, value: consuming Value) {
      // A string value is numbered before an undeclared field's name: the order storages have
      // always numbered them in.
      if case .string(let s) = value { return append(slot: slot, name: name, string: intern(s)) }
      let tag = Self.tag(of: value)
      key(slot, name, tag)
      putPayload(value)
    }

    /// Appends a field by the slot `cellSlot(of:)` gave for its name. A number, the most
    /// common value here, is written with its key in one store.
    public mutating func append(cellSlot: Int, value: consuming Value) {
      let tag = Self.tag(of: value)
      let key = UInt16(cellSlot) << 4 | UInt16(tag.rawValue)
      _ = openRow()
      cells += 1
      switch value {
      case .int(let i) where tag == .int32: bytes.append(key, Int32(truncatingIfNeeded: i))
      case .int(let i): bytes.append(key, i)
      case .uint(let u): bytes.append(key, u)
      case .double(let d): bytes.append(key, d.bitPattern)
      default:
        put(key)
        putPayload(value)
      }
    }

    /// Appends a string field whose string `intern` numbered.
    public mutating func append(slot: Int?, name: String, string number: UInt32) {
      key(slot, name, .string)
      put(number)
    }

    /// Appends a string field, whose string `intern` numbered, by the slot `cellSlot(of:)`
    /// gave for its name.
    public mutating func append(cellSlot: Int, string number: UInt32) {
      _ = openRow()
      cells += 1
      bytes.append(UInt16(cellSlot) << 4 | UInt16(Tag.string.rawValue), number)
    }

    /// The number of a string in the storage being built, the same for equal strings.
    public mutating func intern(_ string: String) -> UInt32 {
      if let number = numbers[string] { return number }
      var string = string
      let number = string.withUTF8 { add($0) }
      numbers[string] = number
      return number
    }

    /// The number of the string of UTF-8 `bytes` (whose hash is `hash`), the same as for an
    /// earlier equal string of this storage when the table still holds it.
    public mutating func intern(utf8 bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt32 {
      let at = Int(truncatingIfNeeded: hash) & (table.count - 1)
      let entry = table[at]
      if entry != 0, let number = interned.number(of: bytes, at: Int(entry - 1)) { return number }
      let offset = interned.count
      let number = add(bytes)
      if let offset = UInt32(exactly: offset), offset < UInt32.max { table[at] = offset + 1 }
      return number
    }

    /// Numbers a string new to the storage.
    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
      let number = UInt32(starts.count)
      starts.append(interned.count)
      interned.append(number, UInt32(bytes.count))
      interned.append(bytes)
      return number
    }

    /// The number of the string of UTF-8 `bytes`, kept as bytes of its own: for values that
    /// do not repeat (ids), which would only evict repeated strings from the table, and are
    /// read too seldom to be worth a String each.
    public mutating func store(utf8 bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
      guard bytes.count <= Int(UInt16.max), text.count < Int(RecordStorage.textBit) else { return add(bytes) }
      let at = UInt32(text.count)
      text.append(UInt16(bytes.count))
      text.append(bytes)
      return RecordStorage.textBit | at
    }

    /// A string `intern` or `store` numbered.
    public func string(_ number: UInt32) -> String {
      guard number & RecordStorage.textBit != 0 else {
        return interned.withUnsafeBytes {
          String(decoding: RecordStorage.internedUTF8(in: $0, at: starts[Int(number)]), as: UTF8.self)
        }
      }
      return text.withUnsafeBytes { RecordStorage.decode($0, at: Int(number & ~RecordStorage.textBit)) }
    }

    /// Closes the open row (an empty one when nothing was appended); returns where it starts.
    public mutating func endRow() -> UInt32 {
      let start = openRow()
      if cells < 255 {
        bytes[start] = UInt8(cells)
      } else {
        bytes[start] = 255
        bytes.insert(cells, at: start + 1)
      }
      rowStart = nil
      cells = 0
      return UInt32(start)
    }

    /// Drops the open row (a record that was rejected); strings it interned stay.
    public mutating func cancelRow() {
      guard let start = rowStart else { return }
      bytes.removeLast(from: start)
      rowStart = nil
      cells = 0
    }

    /// The storage of the rows ended so far; the builder starts empty again.
    public mutating func build() -> RecordStorage {
      cancelRow()
      // The starts go to an array of their exact count, since a storage lives as long as the run.
      let exactStarts = [Int](unsafeUninitializedCapacity: starts.count) { buffer, count in
        _ = buffer.initialize(from: starts)
        count = starts.count
      }
      let storage = bytes.withUnsafeBytes { bytes in
        text.withUnsafeBytes { text in
          interned.withUnsafeBytes { interned in
            RecordStorage(
              layout: layout, bytes: bytes, others: others, text: text, interned: interned, internedStarts: exactStarts)
          }
        }
      }
      bytes.removeAll()
      text.removeAll()
      interned.removeAll()
      // The entries point into `interned`, which starts again.
      table.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
      starts.removeAll(keepingCapacity: true)
      others = []
      numbers.removeAll(keepingCapacity: true)
      return storage
    }

    /// Opens a row unless one is open; returns where it starts.
    @inline(__always) private mutating func openRow() -> Int {
      if let start = rowStart { return start }
      return openNewRow()
    }

    /// Opens a row, at the end of the bytes.
    @inline(never) private mutating func openNewRow() -> Int {
      let start = bytes.count
      bytes.append(UInt8(0))
      rowStart = start
      return start
    }

    /// Starts a cell: its key (and name, for an undeclared field) and tag.
    private mutating func key(_ slot: Int?, _ name: String, _ tag: Tag) {
      if let slot, slot < Cell.slotLimit {
        key(cellSlot: slot, tag)
      } else {
        _ = openRow()
        cells += 1
        put(Cell.undeclared | UInt16(tag.rawValue))
        put(intern(name))
      }
    }

    /// Starts a cell of a slot below `Cell.slotLimit`.
    private mutating func key(cellSlot: Int, _ tag: Tag) {
      _ = openRow()
      cells += 1
      put(UInt16(cellSlot) << 4 | UInt16(tag.rawValue))
    }

    /// How a cell stores `value`.
    @inline(__always) private static func tag(of value: borrowing Value) -> Tag {
      switch value {
      case .null: .null
      case .bool(let b): b ? .true : .false
      case .int(let i): Int32(exactly: i) == nil ? .int : .int32
      case .uint: .uint
      case .double: .double
      case .string: .string
      case .timestamp: .timestamp
      case .duration: .duration
      case .bytes, .list, .map, .type, .record, .error: .other
      }
    }

    /// Appends the payload of a cell that `tag(of:)` tagged: a string by its interned number,
    /// a value that is neither scalar nor string by its place in `others`.
    private mutating func putPayload(_ value: consuming Value) {
      switch value {
      case .null, .bool: break
      case .int(let i):
        if let small = Int32(exactly: i) { put(small) } else { put(i) }
      case .uint(let u): put(u)
      case .double(let d): put(d.bitPattern)
      case .string(let s): put(intern(s))
      case .timestamp(let t): put(t.seconds); put(t.nanos)
      case .duration(let d): put(d.seconds); put(d.nanos)
      case .bytes, .list, .map, .type, .record, .error:
        put(UInt32(others.count))
        others.append(value)
      }
    }

    /// Appends a number in the machine's byte order (a storage is never written out).
    private mutating func put<T: FixedWidthInteger>(_ value: T) {
      bytes.append(value)
    }
  }
}

extension RecordStorage.Builder {
  /// Bytes appended by unaligned stores into memory grown ahead of the bytes in use:
  /// `Array.append(contentsOf:)` spent some 80 instructions and a memcpy call on each 2 to 4
  /// bytes of a cell, for a handful of cells per record, and storing through an array's
  /// `withUnsafeMutableBytes` called the runtime to check the array was not shared, for
  /// every store.
  ///
  /// The memory is a reference: a copy of a `Bytes` (of a builder) shares it, so a builder is
  /// used by one owner at a time, as each reader owns its own.
  fileprivate struct Bytes {
    /// The bytes in use, then room for more (bytes already written over, or uninitialized).
    private var memory = Memory(capacity: 256)
    /// How many bytes are in use.
    private(set) var count = 0

    /// An allocation freed with its last reference.
    private final class Memory {
      let base: UnsafeMutableRawPointer
      let capacity: Int

      init(capacity: Int) {
        base = .allocate(byteCount: capacity, alignment: 8)
        self.capacity = capacity
      }

      deinit { base.deallocate() }
    }

    /// The byte at `at`, which is in use.
    subscript(at: Int) -> UInt8 {
      get { memory.base.load(fromByteOffset: at, as: UInt8.self) }
      set { memory.base.storeBytes(of: newValue, toByteOffset: at, as: UInt8.self) }
    }

    /// Appends `value`'s bytes in the machine's byte order.
    @inline(__always) mutating func append<T: FixedWidthInteger>(_ value: T) {
      let size = MemoryLayout<T>.size
      if count + size > memory.capacity { grow(to: count + size) }
      memory.base.storeBytes(of: value, toByteOffset: count, as: T.self)
      count += size
    }

    /// Appends the bytes of `first` and then of `second`, in the machine's byte order.
    @inline(__always) mutating func append<A: FixedWidthInteger, B: FixedWidthInteger>(_ first: A, _ second: B) {
      let size = MemoryLayout<A>.size + MemoryLayout<B>.size
      if count + size > memory.capacity { grow(to: count + size) }
      memory.base.storeBytes(of: first, toByteOffset: count, as: A.self)
      memory.base.storeBytes(of: second, toByteOffset: count + MemoryLayout<A>.size, as: B.self)
      count += size
    }

    /// Appends `bytes`.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
      guard let from = bytes.baseAddress else { return }
      if count + bytes.count > memory.capacity { grow(to: count + bytes.count) }
      (memory.base + count).copyMemory(from: from, byteCount: bytes.count)
      count += bytes.count
    }

    /// Inserts `value`'s bytes at `at`, moving the bytes from there on after them.
    mutating func insert<T: FixedWidthInteger>(_ value: T, at: Int) {
      let size = MemoryLayout<T>.size
      if count + size > memory.capacity { grow(to: count + size) }
      (memory.base + at + size).copyMemory(from: memory.base + at, byteCount: count - at)
      memory.base.storeBytes(of: value, toByteOffset: at, as: T.self)
      count += size
    }

    /// Drops the bytes from `start` on (they stay in memory, to be written over).
    mutating func removeLast(from start: Int) { count = start }

    /// Drops every byte, keeping the memory for the next block.
    mutating func removeAll() { count = 0 }

    /// The number before the string at `at` (in use) when the string is exactly `bytes`:
    /// the bytes there are a `UInt32` number, a `UInt32` length and the string's bytes.
    @inline(__always) func number(of bytes: UnsafeBufferPointer<UInt8>, at: Int) -> UInt32? {
      let base = UnsafeRawPointer(memory.base)
      guard base.loadUnaligned(fromByteOffset: at + 4, as: UInt32.self) == bytes.count,
        bytes.baseAddress.map({ Value.wordsEqual(base + at + 8, UnsafeRawPointer($0), count: bytes.count) }) ?? true
      else { return nil }
      return base.loadUnaligned(fromByteOffset: at, as: UInt32.self)
    }

    /// Calls `body` with the bytes in use.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
      body(UnsafeRawBufferPointer(start: memory.base, count: count))
    }

    /// Grows the memory to at least `needed` bytes, doubling it (kept out of line, so that
    /// the appends inlined where cells are written stay short).
    @inline(never) private mutating func grow(to needed: Int) {
      let larger = Memory(capacity: Swift.max(needed, 2 * memory.capacity))
      larger.base.copyMemory(from: memory.base, byteCount: count)
      memory = larger
    }
  }
}
