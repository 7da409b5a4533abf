/// Indexing, membership, size and field selection on lists, maps and records.
extension Value {
  /// `a[i]` on lists (an int, uint or whole double index), maps (any key kind) and records.
  static func index(_ container: Value, _ key: Value) -> Value {
    switch container {
    case .list(let items):
      guard let i = listIndex(key) else { return noOverload("_[_]", container, key) }
      guard i >= 0, i < items.count else {
        return .error(EvalError("index out of range: \(i) (list size \(items.count))"))
      }
      return items[i]
    case .map(let map):
      return map[key] ?? noSuchKey(key)
    case .record(let record):
      return record.value(forKey: key) ?? noSuchKey(key)
    default:
      return noOverload("_[_]", container, key)
    }
  }

  /// A list position from an int, uint or whole double; nil for anything else.
  private static func listIndex(_ key: Value) -> Int? {
    switch key {
    case .int(let i): return Int(exactly: i)
    case .uint(let u): return Int(exactly: u)
    case .double(let d): return Int(exactly: d)
    default: return nil
    }
  }

  /// `x.f`: a map's string key or a record's field; an error when absent or not selectable.
  static func select(_ operand: Value, _ field: String) -> Value {
    switch operand {
    case .record(let record): return record.field(field) ?? noSuchKey(.string(field))
    case .map(let map): return map[string: field] ?? noSuchKey(.string(field))
    case .error: return operand
    default: return .error(EvalError("type '\(operand.typeName)' does not support field selection ('.\(field)')"))
    }
  }

  /// `has(x.f)`: whether a map has the key or a record the field (a null value counts).
  static func has(_ operand: Value, _ field: String) -> Value {
    switch operand {
    case .record(let record): return .bool(record.field(field) != nil)
    case .map(let map): return .bool(map[string: field] != nil)
    case .error: return operand
    default: return .error(EvalError("type '\(operand.typeName)' does not support field selection ('.\(field)')"))
    }
  }

  /// `x in c`: an element of a list (CEL equality) or a key of a map or record.
  static func contains(_ element: Value, _ container: Value) -> Value {
    switch container {
    case .list(let items): return .bool(items.contains { $0 == element })
    case .map(let map): return .bool(map[element] != nil)
    case .record(let record): return .bool(record.value(forKey: element) != nil)
    default: return noOverload("@in", element, container)
    }
  }

  /// `size(x)`: code points of a string, bytes, elements of a list, entries of a map.
  static func size(_ v: Value) -> Value {
    switch v {
    case .string(let s): return .int(Int64(s.unicodeScalars.count))
    case .bytes(let b): return .int(Int64(b.count))
    case .list(let items): return .int(Int64(items.count))
    case .map(let map): return .int(Int64(map.count))
    case .record(let record): return .int(Int64(record.fieldCount))
    default: return noOverload("size", v)
    }
  }

  /// The error for a missing key: `no such key: 'x'`.
  static func noSuchKey(_ key: Value) -> Value {
    .error(EvalError("no such key: \(key)"))
  }
}
