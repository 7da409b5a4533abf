/// A field name of a log record, resolved once per distinct name (`EventBuilder.key`): the
/// slot its cells number it by, whether it is one of the fields every event needs (SPEC §2),
/// and whether records keep it.
///
/// A key holds no String, so passing one for every field of every record copies nothing
/// reference-counted; its builder keeps the name, for the few cells that name their field.
struct FieldKey: Sendable {
  /// The fields the reader checks itself.
  enum Role: Sendable {
    case id, time, type, employee, other
  }

  /// The name's number among the names of the builder that resolved it.
  let number: Int
  /// The slot of the field's cells (`RecordStorage.Builder.cellSlot(of:)`); nil when a cell
  /// names the field instead.
  let cellSlot: Int?
  let role: Role
  /// Whether the field goes into the record; the required fields are read either way.
  let kept: Bool

  /// Whether readers may pass the field by: records do not keep it and no check reads it.
  var ignored: Bool { !kept && role == .other }

  /// Resolves `name`, the `number`th name of its builder.
  init(name: String, number: Int, cellSlot: Int?, kept: Bool) {
    self.number = number
    self.cellSlot = cellSlot
    self.kept = kept
    switch name {
    case "id": role = .id
    case "time": role = .time
    case "type": role = .type
    case "employee": role = .employee
    default: role = .other
    }
  }
}
