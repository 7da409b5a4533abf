import CEL

extension YAMLNode {
  /// The node as a CEL value: core-schema scalars, sequences as lists, mappings as maps
  /// (keys converted the same way, in written order).
  public var celValue: Value {
    switch content {
    case .scalar(let scalar): scalar.value.celValue
    case .sequence(let items): .list(items.map(\.celValue))
    case .mapping(let pairs): .map(MapValue(entries: pairs.map { ($0.key.celValue, $0.value.celValue) }))
    }
  }

  /// A mapping's entries as (string key, value node) pairs; nil when the node is not a mapping.
  ///
  /// For readers that need each field's line. Non-string keys use their text.
  public var fieldEntries: [(name: String, node: YAMLNode)]? {
    mapping?.map { pair in (pair.key.scalar?.text ?? pair.key.kindDescription, pair.value) }
  }
}

extension YAMLValue {
  /// The scalar as a CEL value (`int`, `double`, `string`, `bool`, `null`).
  public var celValue: Value {
    switch self {
    case .null: .null
    case .bool(let b): .bool(b)
    case .int(let i): .int(i)
    case .double(let d): .double(d)
    case .string(let s): .string(s)
    }
  }
}
