/// The declared fields of a record type, in slot order.
///
/// A layout is fixed when expressions compile, so `event.rings` becomes "slot 3" and
/// reading it costs a short scan of one row instead of a dictionary lookup by name. A layout
/// lives as long as the process (a run makes one or two): storages point to it without
/// counting references, so the thousands built on several threads do not contend for one count.
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

/// Layouts are equal only when they are the same layout (as `CELType.record`'s are).
extension RecordLayout: Hashable {
  public static func == (a: RecordLayout, b: RecordLayout) -> Bool { a === b }
  public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// An object value with a layout: a shift event as CEL sees it.
///
/// A record is a view of one row of a `RecordStorage`: a million-event log is a few hundred
/// storages of packed rows, not a million objects. Declared fields are found by slot
/// (compiled `event.rings` costs no hashing), other fields by name. Immutable.
public struct Record: Sendable {
  /// The rows this record is one of.
  public let storage: RecordStorage
  /// Where the row starts in `storage`.
  public let row: UInt32

  /// The record at `row` of `storage` (a row `RecordStorage.Builder.endRow()` returned).
  public init(storage: RecordStorage, row: UInt32) {
    self.storage = storage
    self.row = row
  }

  /// Creates a record, in storage of its own, from its fields in input order; a later
  /// duplicate name wins.
  public init(layout: RecordLayout, fields: [(name: String, value: Value)]) {
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

  /// Creates a record, in storage of its own, from fields whose slots the caller already
  /// looked up (`nil` for an undeclared field), in input order, names distinct.
  public init(layout: RecordLayout, resolvedFields: [(slot: Int?, name: String, value: Value)]) {
    var builder = RecordStorage.Builder(layout: layout)
    for field in resolvedFields { builder.append(slot: field.slot, name: field.name, value: field.value) }
    let row = builder.endRow()
    self.init(storage: builder.build(), row: row)
  }

  /// The layout whose slots this record is read by.
  @inlinable public var layout: RecordLayout { storage.layout }

  /// The value in a declared slot, or nil when the field is absent.
  @inlinable public func value(atSlot slot: Int) -> Value? { storage.value(atSlot: slot, row: row) }

  /// Whether a declared slot is present, without reading its value.
  @inlinable public func has(slot: Int) -> Bool { storage.contains(slot: slot, row: row) }

  /// The value of a field by name, or nil when absent.
  public func field(_ name: String) -> Value? {
    if let slot = storage.layout.slots[name] { return storage.value(atSlot: slot, row: row) }
    return storage.value(named: name, row: row)
  }

  /// Every present field, in input order.
  public var fields: [(name: String, value: Value)] { storage.fields(row: row) }

  /// Whether both are the same row of the same storage.
  public func isSameRow(as other: Record) -> Bool { storage === other.storage && row == other.row }
}
