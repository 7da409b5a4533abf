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
/// The storage is private so it can be tuned (events are the engine's bulk memory).
public final class Record: Sendable {
  /// The layout whose slots this record is read by.
  public let layout: RecordLayout
  private let slotValues: [Value?]
  private let extra: [(name: String, value: Value)]
  private let order: [String]

  /// Creates a record from its fields in input order; a later duplicate name wins.
  public init(layout: RecordLayout, fields: [(name: String, value: Value)]) {
    var slotValues = [Value?](repeating: nil, count: layout.names.count)
    var extra: [(name: String, value: Value)] = []
    var order: [String] = []
    for (name, value) in fields {
      if let slot = layout.slots[name] {
        if slotValues[slot] == nil { order.append(name) }
        slotValues[slot] = value
      } else if let i = extra.firstIndex(where: { $0.name == name }) {
        extra[i].value = value
      } else {
        extra.append((name, value))
        order.append(name)
      }
    }
    self.layout = layout
    self.slotValues = slotValues
    self.extra = extra
    self.order = order
  }

  /// The value in a declared slot, or nil when the field is absent.
  @inlinable public func value(atSlot slot: Int) -> Value? { slotValue(slot) }

  @usableFromInline func slotValue(_ slot: Int) -> Value? { slotValues[slot] }

  /// The value of a field by name, or nil when absent.
  public func field(_ name: String) -> Value? {
    if let slot = layout.slots[name] { return slotValues[slot] }
    for entry in extra where entry.name == name { return entry.value }
    return nil
  }

  /// Every present field, in input order.
  public var fields: [(name: String, value: Value)] {
    order.compactMap { name in field(name).map { (name, $0) } }
  }
}
