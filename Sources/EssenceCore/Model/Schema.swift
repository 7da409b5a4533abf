/// The standards format (SPEC §1), described once: validation checks files against it and
/// `essence schema` prints it as a JSON Schema, so the two cannot drift apart.
public indirect enum SchemaType: Sendable {
  /// `essence: 1`, the format version.
  case version
  /// A rule or team id: `[a-z0-9-]+`.
  case identifier
  /// An event field name usable as `event.<name>`: `[A-Za-z_][A-Za-z0-9_]*`.
  case fieldName
  /// An event type, e.g. `break_end`.
  case eventType
  /// Prose; `nonEmpty` when a blank value would defeat its purpose (a rationale).
  case text(nonEmpty: Bool)
  /// A CEL expression.
  case expression
  /// A Go/CEL duration: `90s`, `10m`, `1h30m`.
  case duration
  /// An integer of at least 1.
  case positiveInteger
  /// One of fixed words; `id` is the diagnostic a wrong word gets.
  case choice([String], id: String)
  /// A list of values of one type.
  case list(SchemaType)
  /// One value, or a list of them (`on: break_end` or `on: [a, b]`).
  case oneOrList(SchemaType)
  /// A mapping with known keys.
  case object(SchemaObject)
  /// `expect`: a CEL expression or a relation mapping with exactly one relation key.
  case check
  /// `fields:`: field names to their declared kinds.
  case fieldKinds
  /// An example event: any mapping.
  case anyMapping
}

/// A key of a mapping in the format.
public struct SchemaKey: Sendable {
  /// The key as written.
  public var name: String
  /// The value's type.
  public var type: SchemaType
  /// True when the key must be present.
  public var required: Bool
  /// One line on what the key means (the JSON Schema's `description`).
  public var summary: String

  /// Creates a key.
  public init(_ name: String, _ type: SchemaType, required: Bool = false, _ summary: String) {
    self.name = name
    self.type = type
    self.required = required
    self.summary = summary
  }
}

/// A mapping in the format, such as a standard or a deviation.
public struct SchemaObject: Sendable {
  /// The name of its JSON Schema definition, such as `standard`.
  public var name: String
  /// What it is, in diagnostics: "standard", "deviation".
  public var noun: String
  /// Its keys, in the order the SPEC writes them.
  public var keys: [SchemaKey]

  /// Creates an object.
  public init(name: String, noun: String, keys: [SchemaKey]) {
    self.name = name
    self.noun = noun
    self.keys = keys
  }

  /// True when keys starting with `x-` are allowed and ignored (a place for anchors, as in
  /// Compose and OpenAPI files); a relation allows none, since it holds exactly one key.
  public var allowsExtensions: Bool { name != "relation" }

  /// True when `name` is an extension key this object ignores.
  public func isExtension(_ name: String) -> Bool { allowsExtensions && name.hasPrefix("x-") }

  /// The key named `name`, if the object has one.
  public func key(_ name: String) -> SchemaKey? { keys.first { $0.name == name } }
}
