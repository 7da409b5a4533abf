/// A CEL map: keys are bool, int, uint or string; entries keep their insertion order.
///
/// Lookups treat numeric keys by value, as CEL does: `{1u: 'a'}[1]` and `{1: 'a'}[1.0]`
/// both find the entry. Small maps are scanned; larger ones keep a hash index.
public struct MapValue: Sendable {
  /// Entries in insertion order.
  public private(set) var entries: [(key: Value, value: Value)]
  /// Entry position by normalised key, built only for maps big enough to beat a scan.
  private var index: [MapKey: Int]?

  /// Maps up to this size are scanned: comparing a few keys is cheaper than hashing one.
  private static let scanLimit = 8

  /// Creates a map from entries in order; a later duplicate key replaces the earlier value.
  public init(entries: [(key: Value, value: Value)]) {
    var unique: [(key: Value, value: Value)] = []
    unique.reserveCapacity(entries.count)
    var positions: [MapKey: Int] = [:]
    for entry in entries {
      let key = MapKey(entry.key)
      if let key, let at = positions[key] {
        unique[at].value = entry.value
      } else {
        if let key { positions[key] = unique.count }
        unique.append(entry)
      }
    }
    self.entries = unique
    self.index = unique.count > Self.scanLimit ? positions : nil
  }

  /// Builds a map from a literal's entries, or returns an error for a repeated or unsupported key.
  static func checked(_ entries: [(key: Value, value: Value)]) -> Value {
    var seen = Set<MapKey>()
    for entry in entries {
      guard let key = MapKey(entry.key) else {
        if case .error = entry.key { return entry.key }
        return .error(EvalError("unsupported key type '\(entry.key.typeName)'"))
      }
      if !seen.insert(key).inserted {
        return .error(EvalError("repeated key \(entry.key) in map literal"))
      }
    }
    return .map(MapValue(entries: entries))
  }

  /// The number of entries.
  public var count: Int { entries.count }

  /// The value for a key, comparing numbers by value; nil when absent.
  public subscript(key: Value) -> Value? {
    guard let wanted = MapKey(lookup: key) else { return nil }
    if let index { return index[wanted].map { entries[$0].value } }
    for entry in entries where MapKey(entry.key) == wanted { return entry.value }
    return nil
  }

  /// The value for a string key, without building a general key.
  public subscript(string key: String) -> Value? {
    if let index { return index[.string(key)].map { entries[$0].value } }
    for entry in entries {
      if case .string(let name) = entry.key, name == key { return entry.value }
    }
    return nil
  }

  /// The keys, in insertion order.
  public var keys: [Value] { entries.map(\.key) }
}

/// A map key with numbers normalised, so that int 1, uint 1 and double 1.0 hash alike.
enum MapKey: Hashable {
  case bool(Bool)
  /// An int, a uint up to `Int64.max`, or (for lookups) a whole double in int64's range.
  case int(Int64)
  /// A uint above `Int64.max`.
  case bigUInt(UInt64)
  case string(String)

  /// The key a stored map key stands for; nil for kinds CEL does not allow as keys.
  init?(_ value: Value) {
    switch value {
    case .bool(let b): self = .bool(b)
    case .int(let i): self = .int(i)
    case .uint(let u): self = u <= UInt64(Int64.max) ? .int(Int64(u)) : .bigUInt(u)
    case .string(let s): self = .string(s)
    default: return nil
    }
  }

  /// The key a looked-up value stands for: also whole doubles, which CEL compares by value.
  init?(lookup value: Value) {
    if case .double(let d) = value {
      if let i = Int64(exactly: d) {
        self = .int(i)
      } else if let u = UInt64(exactly: d) {
        self = .bigUInt(u)
      } else {
        return nil
      }
    } else {
      self.init(value)
    }
  }
}
