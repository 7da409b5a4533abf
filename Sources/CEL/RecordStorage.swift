/// Rows of records packed into one allocation, with the strings and other values they hold.
///
/// Records are a run's bulk memory (a million-event log is ordinary), so a row keeps only its
/// present fields, each as 2 bytes of slot and tag (an undeclared field adds its name's
/// number) and a payload of 0 to 12 bytes: a string is the 4-byte number of a distinct string
/// of the storage, which keeps each distinct value once, and a small integer takes 4 bytes.
/// A storage is built by one thread (`Builder`), then only read, from any thread.
public final class RecordStorage: @unchecked Sendable {
  /// The layout whose slots the rows' keys are (never freed, see `RecordLayout`).
  public unowned(unsafe) let layout: RecordLayout
  @usableFromInline let bytes: UnsafeMutableRawBufferPointer
  /// Values that are neither scalars nor strings (lists, maps, bytes, errors, types, records).
  @usableFromInline let others: [Value]
  /// Strings kept as UTF-8 (`Builder.store`), each a `UInt16` length and its bytes: a value
  /// read once or twice (an id) is cheaper as bytes than as a String.
  @usableFromInline let text: UnsafeMutableRawBufferPointer
  /// The strings `Builder.intern` numbered, as UTF-8: string `n` is the record at
  /// `internedStarts[n]`, a `UInt32` number, a `UInt32` length and the bytes (the form the
  /// builder finds repeated strings in). A String is made only when one is asked for: most of
  /// a block's thousands of distinct strings are only ever read in place (compared, copied
  /// into a report), and making each when the block was built, and again when it was read
  /// back from the scratch file, cost more than all the asking.
  @usableFromInline let interned: UnsafeMutableRawBufferPointer
  @usableFromInline let internedStarts: [Int]

  /// Numbers with this bit are offsets into `text`; others number interned strings.
  @usableFromInline static let textBit: UInt32 = 1 << 31

  /// A storage built (`Builder`), of copies of its parts.
  init(
    layout: RecordLayout, bytes: UnsafeRawBufferPointer, others: [Value], text: UnsafeRawBufferPointer,
    interned: UnsafeRawBufferPointer, internedStarts: [Int]
  ) {
    self.layout = layout
    self.bytes = Self.copy(bytes)
    self.others = others
    self.text = Self.copy(text)
    self.interned = Self.copy(interned)
    self.internedStarts = internedStarts
  }

  /// A storage read back (`withSpillParts`), which takes the buffers it is given as its own.
  init(
    layout: RecordLayout, adopting bytes: UnsafeMutableRawBufferPointer, text: UnsafeMutableRawBufferPointer,
    interned: UnsafeMutableRawBufferPointer, internedStarts: [Int]
  ) {
    self.layout = layout
    self.bytes = bytes
    self.others = []
    self.text = text
    self.interned = interned
    self.internedStarts = internedStarts
  }

  deinit {
    bytes.deallocate()
    text.deallocate()
    interned.deallocate()
  }

  private static func copy(_ bytes: UnsafeRawBufferPointer) -> UnsafeMutableRawBufferPointer {
    let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 8)
    copy.copyBytes(from: bytes)
    return copy
  }

  /// How many strings `intern` numbered (those numbered by `store` are not counted).
  public var stringCount: Int { internedStarts.count }

  /// The string numbered `number` (a number the builder's `intern` or `store` returned).
  @inlinable public func string(_ number: UInt32) -> String {
    guard number & Self.textBit != 0 else { return String(decoding: internedUTF8(Int(number)), as: UTF8.self) }
    return Self.decode(UnsafeRawBufferPointer(text), at: Int(number & ~Self.textBit))
  }

  /// The UTF-8 of interned string `n` (see `interned`).
  @inlinable func internedUTF8(_ n: Int) -> UnsafeBufferPointer<UInt8> {
    Self.internedUTF8(in: UnsafeRawBufferPointer(interned), at: internedStarts[n])
  }

  /// The string kept as UTF-8 at `at` of `text`.
  @usableFromInline static func decode(_ text: UnsafeRawBufferPointer, at: Int) -> String {
    String(decoding: utf8(in: text, at: at), as: UTF8.self)
  }

  /// The UTF-8 of the interned string whose record is at `at` of `interned`: a `UInt32` number,
  /// a `UInt32` length, then the bytes (the builder's form too, `Builder.string`).
  @usableFromInline
  static func internedUTF8(in interned: UnsafeRawBufferPointer, at: Int) -> UnsafeBufferPointer<UInt8> {
    let length = Int(interned.loadUnaligned(fromByteOffset: at + 4, as: UInt32.self))
    return UnsafeRawBufferPointer(rebasing: interned[(at + 8)..<(at + 8 + length)]).assumingMemoryBound(to: UInt8.self)
  }

  /// The UTF-8 kept at `at` of `text`: a `UInt16` length, then the bytes.
  @usableFromInline static func utf8(in text: UnsafeRawBufferPointer, at: Int) -> UnsafeBufferPointer<UInt8> {
    let length = Int(text.loadUnaligned(fromByteOffset: at, as: UInt16.self))
    return UnsafeRawBufferPointer(rebasing: text[(at + 2)..<(at + 2 + length)]).assumingMemoryBound(to: UInt8.self)
  }

  /// A row: its cell count (one byte, or 255 and then a `UInt32`), then its cells. A cell
  /// starts with a `UInt16`: the slot times 16 plus the tag, or `undeclared` plus the tag and
  /// then the name's number (`UInt32`); its payload follows.
  @usableFromInline enum Cell {
    @usableFromInline static let undeclared: UInt16 = 0xFFF0
    /// Slots from here on are stored as undeclared fields, by name.
    @usableFromInline static let slotLimit = 0xFFF
  }

  /// How a value is stored in a cell (4 bits).
  @usableFromInline enum Tag: UInt8 {
    case null, `false`, `true`, int, int32, uint, double, string, timestamp, duration, other

    /// Payload bytes.
    @inlinable var size: Int { Self.size(raw: UInt16(rawValue)) }

    /// The payload bytes of the tag whose raw value is `raw`, looked up in one constant of
    /// 4-bit sizes: a scan past a row's cells reads each cell's size without decoding its tag.
    @inlinable static func size(raw: UInt16) -> Int {
      // null, false, true: 0; int: 8; int32: 4; uint, double: 8; string: 4;
      // timestamp, duration: 12; other: 4.
      let sizes: UInt64 = 0x4CC_4884_8000
      return Int(truncatingIfNeeded: sizes >> (UInt64(raw & 0xF) * 4)) & 0xF
    }
  }

  /// The cell count of the row at `row`, and where its first cell starts.
  @inlinable func header(_ row: UInt32) -> (count: Int, first: Int) {
    let at = Int(row)
    let short = bytes[at]
    if short < 255 { return (Int(short), at + 1) }
    return (Int(bytes.loadUnaligned(fromByteOffset: at + 1, as: UInt32.self)), at + 5)
  }

  /// The value in a declared slot of the row at `row`, or nil when absent (`Record.value(atSlot:)`
  /// for a caller holding the storage unretained: making a `Record` retains it).
  @inlinable public func value(atSlot slot: Int, row: UInt32) -> Value? {
    guard slot < Cell.slotLimit else { return value(named: layout.names[slot], row: row) }
    return payload(ofSlot: slot, row: row).map { value($0.tag, $0.at) }
  }

  /// Whether the row at `row` has a declared slot, without decoding its value (`has()`).
  @inlinable func contains(slot: Int, row: UInt32) -> Bool {
    guard slot < Cell.slotLimit else { return value(named: layout.names[slot], row: row) != nil }
    return payload(ofSlot: slot, row: row) != nil
  }

  /// The tag and payload offset of a declared slot (below `Cell.slotLimit`) in the row at
  /// `row`, or nil when absent. A linear scan: rows hold a handful of fields, fewer than a
  /// hash lookup costs.
  @inlinable func payload(ofSlot slot: Int, row: UInt32) -> (tag: Tag, at: Int)? {
    let key = UInt16(truncatingIfNeeded: slot)
    var (count, at) = header(row)
    while count > 0 {
      let word = bytes.loadUnaligned(fromByteOffset: at, as: UInt16.self)
      if word >> 4 == key { return (Tag(rawValue: UInt8(truncatingIfNeeded: word & 0xF)) ?? .null, at + 2) }
      at += (word >= Cell.undeclared ? 6 : 2) + Tag.size(raw: word & 0xF)
      count -= 1
    }
    return nil
  }

  /// The value of an undeclared field of the row at `row` (or one past `Cell.slotLimit`), or
  /// nil when absent.
  @usableFromInline func value(named name: String, row: UInt32) -> Value? {
    var (count, at) = header(row)
    for _ in 0..<count {
      let cell = cell(at)
      if let number = cell.name, string(number) == name { return value(cell.tag, cell.payload) }
      at = cell.payload + cell.tag.size
    }
    return nil
  }

  /// Every present field of the row at `row`, in input order.
  func fields(row: UInt32) -> [(name: String, value: Value)] {
    var (count, at) = header(row)
    var fields: [(name: String, value: Value)] = []
    fields.reserveCapacity(count)
    for _ in 0..<count {
      let cell = cell(at)
      let name = cell.name.map { string($0) } ?? layout.names[Int(cell.slot)]
      fields.append((name, value(cell.tag, cell.payload)))
      at = cell.payload + cell.tag.size
    }
    return fields
  }

  /// The cell at `at`: its slot, its name's number when undeclared, its tag, and where its
  /// payload starts.
  private func cell(_ at: Int) -> (slot: UInt16, name: UInt32?, tag: Tag, payload: Int) {
    let word = bytes.loadUnaligned(fromByteOffset: at, as: UInt16.self)
    let tag = Tag(rawValue: UInt8(truncatingIfNeeded: word & 0xF)) ?? .null
    guard word >= Cell.undeclared else { return (word >> 4, nil, tag, at + 2) }
    return (word >> 4, bytes.loadUnaligned(fromByteOffset: at + 2, as: UInt32.self), tag, at + 6)
  }

  /// The value of a payload at `at`.
  @inlinable func value(_ tag: Tag, _ at: Int) -> Value {
    switch tag {
    case .null: return .null
    case .false: return .bool(false)
    case .true: return .bool(true)
    case .int: return .int(bytes.loadUnaligned(fromByteOffset: at, as: Int64.self))
    case .int32: return .int(Int64(bytes.loadUnaligned(fromByteOffset: at, as: Int32.self)))
    case .uint: return .uint(bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    case .double: return .double(bytes.loadUnaligned(fromByteOffset: at, as: Double.self))
    case .string: return .string(string(bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
    case .timestamp:
      return .timestamp(
        Timestamp(
          seconds: bytes.loadUnaligned(fromByteOffset: at, as: Int64.self),
          nanos: bytes.loadUnaligned(fromByteOffset: at + 8, as: Int32.self)))
    case .duration:
      return .duration(
        CELDuration(
          seconds: bytes.loadUnaligned(fromByteOffset: at, as: Int64.self),
          nanos: bytes.loadUnaligned(fromByteOffset: at + 8, as: Int32.self)))
    case .other: return others[Int(bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))]
    }
  }
}
