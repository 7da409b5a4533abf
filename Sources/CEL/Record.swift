/// The declared fields of a record type, in slot order.
///
/// A layout is fixed when expressions compile, so `event.rings` becomes "slot 3" and
/// reading it costs an array index instead of a dictionary lookup by name. A layout lives as
/// long as the process (a run makes one or two): records point to it without counting
/// references, so the millions built on several threads do not contend for one count.
public final class RecordLayout: Sendable {
  /// Field names, in slot order.
  public let names: [String]
  /// Declared checker types, in slot order.
  public let types: [CELType]
  /// Slot of each field name.
  public let slots: [String: Int]

  /// Creates a layout from `(name, type)` pairs; later duplicates are ignored.
  public init(fields: [(name: String, type: CELType)]) {
    var names: [String] = []
    var types: [CELType] = []
    var slots: [String: Int] = [:]
    for (name, type) in fields where slots[name] == nil {
      slots[name] = names.count
      names.append(name)
      types.append(type)
    }
    self.names = names
    self.types = types
    self.slots = slots
    _ = Unmanaged.passUnretained(self).retain()
  }

  /// The slot of a declared field, or nil.
  public func slot(of name: String) -> Int? { slots[name] }
}

/// An object value with a layout: a shift event as CEL sees it.
///
/// Declared fields are found by slot (compiled `event.rings` costs no hashing);
/// other fields by name. A class, so `Value` stays small; immutable once built.
/// The storage is private so it can be tuned (events are the engine's bulk memory): only the
/// present fields are stored, in input order, in one array of 24-byte cells (a `Value` takes
/// 32), each tagged with its slot; an undeclared field takes a second cell for its name. A
/// million-event log thus costs about 220 bytes of record storage per event, not a slot per
/// declared field.
public final class Record: Sendable {
  /// The layout whose slots this record is read by (never freed, see `RecordLayout`).
  public unowned(unsafe) let layout: RecordLayout
  /// Present fields in input order.
  private let cells: ContiguousArray<Cell>

  /// One present field (`key` is its slot), or the name of the undeclared field in the next
  /// cell (`key` is `Cell.extraName`, the field's cell `Cell.extraValue`).
  fileprivate struct Cell: Sendable {
    var stored: Stored
    var key: Int32

    static let extraName: Int32 = -1
    static let extraValue: Int32 = -2
  }

  /// A `Value` in 17 bytes: scalars inline, anything larger boxed.
  fileprivate enum Stored: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case timestamp(Timestamp)
    case duration(CELDuration)
    case boxed(Box)

    init(_ value: consuming Value) {
      switch value {
      case .null: self = .null
      case .bool(let b): self = .bool(b)
      case .int(let i): self = .int(i)
      case .uint(let u): self = .uint(u)
      case .double(let d): self = .double(d)
      case .string(let s): self = .string(s)
      case .timestamp(let t): self = .timestamp(t)
      case .duration(let d): self = .duration(d)
      case .bytes, .list, .map, .type, .record, .error: self = .boxed(Box(value))
      }
    }

    var value: Value {
      switch self {
      case .null: return .null
      case .bool(let b): return .bool(b)
      case .int(let i): return .int(i)
      case .uint(let u): return .uint(u)
      case .double(let d): return .double(d)
      case .string(let s): return .string(s)
      case .timestamp(let t): return .timestamp(t)
      case .duration(let d): return .duration(d)
      case .boxed(let box): return box.value
      }
    }
  }

  fileprivate final class Box: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
  }

  /// Creates a record from its fields in input order; a later duplicate name wins.
  public convenience init(layout: RecordLayout, fields: [(name: String, value: Value)]) {
    var resolved: [(slot: Int?, name: String, value: Value)] = []
    var seen: [String: Int] = [:]
    for (name, value) in fields {
      if let at = seen[name] {
        resolved[at].value = value
      } else {
        seen[name] = resolved.count
        resolved.append((layout.slots[name], name, value))
      }
    }
    self.init(layout: layout, resolvedFields: resolved)
  }

  /// Creates a record from fields whose slots the caller already looked up (`nil` for an
  /// undeclared field), in input order, names distinct.
  public convenience init(layout: RecordLayout, resolvedFields: [(slot: Int?, name: String, value: Value)]) {
    var builder = Builder(layout: layout)
    builder.reserveCapacity(resolvedFields.count)
    for field in resolvedFields { builder.append(slot: field.slot, name: field.name, value: field.value) }
    self.init(layout: layout, cells: builder.cells)
  }

  private init(layout: RecordLayout, cells: ContiguousArray<Cell>) {
    self.layout = layout
    self.cells = cells
  }

  /// The value in a declared slot, or nil when the field is absent.
  @inlinable public func value(atSlot slot: Int) -> Value? { slotValue(slot) }

  /// A linear scan: records hold a handful of fields, fewer than a hash lookup costs.
  @usableFromInline func slotValue(_ slot: Int) -> Value? {
    let key = Int32(truncatingIfNeeded: slot)
    for cell in cells where cell.key == key { return cell.stored.value }
    return nil
  }

  /// The value of a field by name, or nil when absent.
  public func field(_ name: String) -> Value? {
    if let slot = layout.slots[name] { return slotValue(slot) }
    var i = cells.startIndex
    while i < cells.endIndex - 1 {
      if cells[i].key == Cell.extraName, case .string(let extra) = cells[i].stored, extra == name {
        return cells[i + 1].stored.value
      }
      i += 1
    }
    return nil
  }

  /// Every present field, in input order.
  public var fields: [(name: String, value: Value)] {
    var fields: [(name: String, value: Value)] = []
    fields.reserveCapacity(cells.count)
    var name: String?
    for cell in cells {
      switch cell.key {
      case Cell.extraName:
        if case .string(let extra) = cell.stored { name = extra }
      case Cell.extraValue:
        fields.append((name ?? "", cell.stored.value))
      default:
        fields.append((layout.names[Int(cell.key)], cell.stored.value))
      }
    }
    return fields
  }
}

extension Record {
  /// Builds records field by field, for log readers: they resolve each distinct key to its
  /// slot once per log, and a record's storage is allocated once, at its final size, then
  /// handed over without copying.
  public struct Builder {
    /// The layout of the records built.
    public let layout: RecordLayout
    fileprivate var cells = ContiguousArray<Cell>()
    private var extras = 0

    /// Creates a builder for records of `layout`.
    public init(layout: RecordLayout) {
      self.layout = layout
    }

    /// The number of fields appended since the last `build()` or `removeAll()`.
    public var count: Int { cells.count - extras }

    /// Makes room for `count` fields, so the record's storage is allocated once (undeclared
    /// fields take one more cell each).
    public mutating func reserveCapacity(_ count: Int) {
      cells.reserveCapacity(count)
    }

    /// Appends a field: `slot` is its slot in the layout, nil for an undeclared field. Names
    /// must be distinct within a record.
    public mutating func append(slot: Int?, name: String, value: consuming Value) {
      if let slot {
        cells.append(Cell(stored: Stored(value), key: Int32(truncatingIfNeeded: slot)))
      } else {
        cells.append(Cell(stored: .string(name), key: Cell.extraName))
        cells.append(Cell(stored: Stored(value), key: Cell.extraValue))
        extras += 1
      }
    }

    /// Drops the fields appended so far (a record that was rejected).
    public mutating func removeAll() {
      cells.removeAll(keepingCapacity: true)
      extras = 0
    }

    /// The record of the fields appended so far; the builder starts empty again.
    public mutating func build() -> Record {
      let record = Record(layout: layout, cells: cells)
      cells = []
      extras = 0
      return record
    }
  }
}
