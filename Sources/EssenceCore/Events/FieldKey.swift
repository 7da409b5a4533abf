import CEL

/// A field name of a log record, resolved once per distinct name: its slot in the layout,
/// whether it is one of the fields every event needs (SPEC §2), and whether records keep it.
struct FieldKey: Sendable {
  /// The fields the reader checks itself.
  enum Role: Sendable {
    case id, time, type, employee, other
  }

  var name: String
  var slot: Int?
  var role: Role
  /// Whether the field goes into the record; the required fields are read either way.
  var kept: Bool

  /// Whether readers may pass the field by: records do not keep it and no check reads it.
  var ignored: Bool { !kept && role == .other }

  /// Resolves `name`; `keeping` lists the fields records keep (nil keeps every field).
  init(name: String, layout: RecordLayout, keeping: Set<String>? = nil) {
    self.name = name
    self.slot = layout.slot(of: name)
    self.kept = keeping?.contains(name) ?? true
    switch name {
    case "id": role = .id
    case "time": role = .time
    case "type": role = .type
    case "employee": role = .employee
    default: role = .other
    }
  }
}
