import CEL

/// A field name of a log record, resolved once per distinct name: its slot in the layout and
/// whether it is one of the fields every event needs (SPEC §2).
struct FieldKey: Sendable {
  /// The fields the reader checks itself.
  enum Role: Sendable {
    case id, time, type, employee, other
  }

  var name: String
  var slot: Int?
  var role: Role

  /// The cells the field takes in a record's storage: an undeclared field also stores its
  /// name (see `Record`).
  var cells: Int { slot == nil ? 2 : 1 }

  init(name: String, layout: RecordLayout) {
    self.name = name
    self.slot = layout.slot(of: name)
    switch name {
    case "id": role = .id
    case "time": role = .time
    case "type": role = .type
    case "employee": role = .employee
    default: role = .other
    }
  }
}
