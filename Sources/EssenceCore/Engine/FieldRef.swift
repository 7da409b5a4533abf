import CEL

/// A field name resolved once against the set's layout, so reading it from a million records
/// costs an array scan instead of hashing the name each time.
struct FieldRef: Sendable {
  let name: String
  /// The layout `slot` was resolved against, by identity alone: layouts are never freed (see
  /// `RecordLayout`), and without a reference a copy of a `FieldRef` (loops over a
  /// condition's fields make them) counts only its name.
  private let layout: ObjectIdentifier
  private let slot: Int?

  init(_ name: String, layout: RecordLayout) {
    self.name = name
    self.layout = ObjectIdentifier(layout)
    self.slot = layout.slot(of: name)
  }

  /// The slot to read the field at in rows of `storage`, or nil when it must be found by name.
  func slot(in storage: RecordStorage) -> Int? {
    guard let slot, ObjectIdentifier(storage.layout) == layout else { return nil }
    return slot
  }

  /// The field's value on a record, or nil when absent.
  func read(_ record: Record) -> Value? {
    if let slot = slot(in: record.storage) { return record.value(atSlot: slot) }
    return record.field(name)
  }
}
