/// Rows of records packed into one allocation, with the strings and other values they hold.
///
/// Records are a run's bulk memory (a million-event log is ordinary), so a row keeps only its
/// present fields, each as a 2-byte key (its slot, or `Cell.undeclared` and then its name's
/// number), a 1-byte tag and a payload of 0 to 12 bytes: a string is the 4-byte number of
/// a distinct string of the storage, which keeps each distinct value once. A storage is built
/// by one thread (`Builder`), then only read, from any thread.
public final class RecordStorage: @unchecked Sendable {
  /// The layout whose slots the rows' keys are (never freed, see `RecordLayout`).
  public unowned(unsafe) let layout: RecordLayout
  @usableFromInline let bytes: UnsafeMutableRawBufferPointer
  @usableFromInline let strings: [String]
  /// Values that are neither scalars nor strings (lists, maps, bytes, errors, types, records).
  @usableFromInline let others: [Value]

  init(layout: RecordLayout, bytes: [UInt8], strings: [String], others: [Value]) {
    self.layout = layout
    self.bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 8)
    self.bytes.copyBytes(from: bytes)
    self.strings = strings
    self.others = others
  }

  deinit { bytes.deallocate() }
  public var debugSizes: (Int, Int, Int, Int) { (bytes.count, strings.count, Set(strings).count, strings.reduce(0) { $0 + ($1.utf8.count > 15 ? $1.utf8.count : 0) }) }

  /// The string numbered `number` (a number the builder's `intern` returned).
  @inlinable public func string(_ number: UInt32) -> String { strings[Int(number)] }

  /// A row's cells: `count: UInt32`, then per cell `key: UInt16`, the name's number
  /// (`UInt32`) when the key is `undeclared`, `tag: UInt8` and the payload.
  @usableFromInline enum Cell {
    @usableFromInline static let undeclared: UInt16 = .max
  }

  /// How a value is stored in a cell; the raw value orders nothing.
  @usableFromInline enum Tag: UInt8 {
    case null, `false`, `true`, int, uint, double, string, timestamp, duration, other

    /// Payload bytes.
    @inlinable var size: Int {
      switch self {
      case .null, .false, .true: 0
      case .string, .other: 4
      case .int, .uint, .double: 8
      case .timestamp, .duration: 12
      }
    }
  }

  /// The value in a declared slot of the row at `row`, or nil when absent. A linear scan:
  /// rows hold a handful of fields, fewer than a hash lookup costs.
  @inlinable func value(atSlot slot: Int, row: UInt32) -> Value? {
    let key = UInt16(truncatingIfNeeded: slot)
    guard slot < Int(Cell.undeclared) else { return nil }
    var at = Int(row)
    let count = bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)
    at += 4
    for _ in 0..<count {
      let cellKey = bytes.loadUnaligned(fromByteOffset: at, as: UInt16.self)
      at += cellKey == Cell.undeclared ? 6 : 2
      let tag = Tag(rawValue: bytes[at]) ?? .null
      at += 1
      if cellKey == key { return value(tag, at) }
      at += tag.size
    }
    return nil
  }

  /// The value of an undeclared field of the row at `row`, or nil when absent.
  func value(named name: String, row: UInt32) -> Value? {
    var at = Int(row) + 4
    for _ in 0..<bytes.loadUnaligned(fromByteOffset: Int(row), as: UInt32.self) {
      let cell = cell(at)
      if let number = cell.name, strings[Int(number)] == name { return value(cell.tag, cell.payload) }
      at = cell.payload + cell.tag.size
    }
    return nil
  }

  /// Every present field of the row at `row`, in input order.
  func fields(row: UInt32) -> [(name: String, value: Value)] {
    let count = bytes.loadUnaligned(fromByteOffset: Int(row), as: UInt32.self)
    var fields: [(name: String, value: Value)] = []
    fields.reserveCapacity(Int(count))
    var at = Int(row) + 4
    for _ in 0..<count {
      let cell = cell(at)
      let name = cell.name.map { strings[Int($0)] } ?? layout.names[Int(cell.key)]
      fields.append((name, value(cell.tag, cell.payload)))
      at = cell.payload + cell.tag.size
    }
    return fields
  }

  /// The cell at `at`: its key, its name's number when undeclared, its tag, and where its
  /// payload starts.
  private func cell(_ at: Int) -> (key: UInt16, name: UInt32?, tag: Tag, payload: Int) {
    let key = bytes.loadUnaligned(fromByteOffset: at, as: UInt16.self)
    var at = at + 2
    var name: UInt32?
    if key == Cell.undeclared {
      name = bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)
      at += 4
    }
    return (key, name, Tag(rawValue: bytes[at]) ?? .null, at + 1)
  }

  /// The value of a payload at `at`.
  @inlinable func value(_ tag: Tag, _ at: Int) -> Value {
    switch tag {
    case .null: return .null
    case .false: return .bool(false)
    case .true: return .bool(true)
    case .int: return .int(bytes.loadUnaligned(fromByteOffset: at, as: Int64.self))
    case .uint: return .uint(bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    case .double: return .double(bytes.loadUnaligned(fromByteOffset: at, as: Double.self))
    case .string: return .string(strings[Int(bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))])
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
