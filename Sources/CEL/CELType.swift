/// A CEL type, as the checker reasons about it and as `type(x)` returns it.
public indirect enum CELType: Sendable, Hashable {
  case null
  case bool
  case int
  case uint
  case double
  case string
  case bytes
  case timestamp
  case duration
  case list(CELType)
  case map(key: CELType, value: CELType)
  /// The type of types: `type(int)` is `type`.
  case type
  /// Any type, checked at run time.
  case dyn
  /// Any numeric kind (int, uint or double), decided at run time. Not a CEL runtime type:
  /// the checker uses it for fields declared as "a number" without saying which kind.
  case number
  /// A record with a fixed layout (a shift event).
  case record(RecordLayout)

  public static func == (a: CELType, b: CELType) -> Bool {
    switch (a, b) {
    case (.null, .null), (.bool, .bool), (.int, .int), (.uint, .uint), (.double, .double),
      (.string, .string), (.bytes, .bytes), (.timestamp, .timestamp), (.duration, .duration),
      (.type, .type), (.dyn, .dyn), (.number, .number):
      return true
    case let (.list(x), .list(y)): return x == y
    case let (.map(k1, v1), .map(k2, v2)): return k1 == k2 && v1 == v2
    case let (.record(x), .record(y)): return x === y
    default: return false
    }
  }

  public func hash(into hasher: inout Hasher) {
    switch self {
    case .null: hasher.combine(0)
    case .bool: hasher.combine(1)
    case .int: hasher.combine(2)
    case .uint: hasher.combine(3)
    case .double: hasher.combine(4)
    case .string: hasher.combine(5)
    case .bytes: hasher.combine(6)
    case .timestamp: hasher.combine(7)
    case .duration: hasher.combine(8)
    case .list(let e): hasher.combine(9); hasher.combine(e)
    case .map(let k, let v): hasher.combine(10); hasher.combine(k); hasher.combine(v)
    case .type: hasher.combine(11)
    case .dyn: hasher.combine(12)
    case .number: hasher.combine(13)
    case .record(let layout): hasher.combine(14); hasher.combine(ObjectIdentifier(layout))
    }
  }
}
