/// The declared fields of a record type, in slot order.
///
/// A layout is fixed when expressions compile, so `event.rings` becomes "slot 3" and
/// reading it costs an array index instead of a dictionary lookup by name.
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
  }

  /// The slot of a declared field, or nil.
  public func slot(of name: String) -> Int? { slots[name] }
}

/// An object value with a layout: a shift event as CEL sees it.
///
/// Declared fields are found by slot (compiled `event.rings` costs no hashing);
/// other fields by name. A class, so `Value` stays small; immutable once built.
/// The storage is private so it can be tuned (events are the engine's bulk memory): only the
/// present fields are stored, in input order, each tagged with its slot, so a record costs
/// one small array however many fields the layout declares.
public final class Record: Sendable {
  /// The layout whose slots this record is read by.
  public let layout: RecordLayout
  /// Present fields in input order.
  private let cells: ContiguousArray<Cell>
  /// Names of the undeclared fields, in input order.
  private let extraNames: [String]

  /// One present field: `key` is its slot, or `-1 - i` for `extraNames[i]`.
  fileprivate struct Cell: Sendable {
    var value: Value
    var key: Int32
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
    self.init(layout: layout, cells: builder.cells, extraNames: builder.extraNames)
  }

  private init(layout: RecordLayout, cells: ContiguousArray<Cell>, extraNames: [String]) {
    self.layout = layout
    self.cells = cells
    self.extraNames = extraNames
  }

  /// The value in a declared slot, or nil when the field is absent.
  @inlinable public func value(atSlot slot: Int) -> Value? { slotValue(slot) }

  @usableFromInline func slotValue(_ slot: Int) -> Value? {
    cellValue(key: Int32(truncatingIfNeeded: slot))
  }

  /// The value of a field by name, or nil when absent.
  public func field(_ name: String) -> Value? {
    if let slot = layout.slots[name] { return slotValue(slot) }
    guard let i = extraNames.firstIndex(of: name) else { return nil }
    return cellValue(key: -1 - Int32(truncatingIfNeeded: i))
  }

  /// A linear scan: records hold a handful of fields, fewer than a hash lookup costs.
  private func cellValue(key: Int32) -> Value? {
    for cell in cells where cell.key == key { return cell.value }
    return nil
  }

  /// Every present field, in input order.
  public var fields: [(name: String, value: Value)] {
    cells.map { cell in
      let name = cell.key >= 0 ? layout.names[Int(cell.key)] : extraNames[Int(-1 - cell.key)]
      return (name, cell.value)
    }
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
    fileprivate var extraNames: [String] = []

    /// Creates a builder for records of `layout`.
    public init(layout: RecordLayout) {
      self.layout = layout
    }

    /// The number of fields appended since the last `build()` or `removeAll()`.
    public var count: Int { cells.count }

    /// Makes room for `count` fields, so the record's storage is allocated once.
    public mutating func reserveCapacity(_ count: Int) {
      cells.reserveCapacity(count)
    }

    /// Appends a field: `slot` is its slot in the layout, nil for an undeclared field. Names
    /// must be distinct within a record.
    public mutating func append(slot: Int?, name: String, value: Value) {
      if let slot {
        cells.append(Cell(value: value, key: Int32(truncatingIfNeeded: slot)))
      } else {
        cells.append(Cell(value: value, key: -1 - Int32(truncatingIfNeeded: extraNames.count)))
        extraNames.append(name)
      }
    }

    /// Drops the fields appended so far (a record that was rejected).
    public mutating func removeAll() {
      cells.removeAll(keepingCapacity: true)
      extraNames.removeAll()
    }

    /// The record of the fields appended so far; the builder starts empty again.
    public mutating func build() -> Record {
      let record = Record(layout: layout, cells: cells, extraNames: extraNames)
      cells = []
      extraNames = []
      return record
    }
  }
}
