/// CEL equality: numbers compare by value across int, uint and double (`1 == 1.0`,
/// `1u == 1`); values of different kinds are unequal, never an error; NaN equals nothing;
/// lists and maps compare element by element, maps regardless of order.
extension Value: Equatable {
  /// CEL `==` for values that are not errors; two errors are equal when their messages are.
  ///
  /// The engine uses this for `same:` and `per:` keys, so `7 == 7.0` and `"7" != 7` there too.
  public static func == (a: Value, b: Value) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case let (.bool(x), .bool(y)): return x == y
    case let (.string(x), .string(y)): return sameText(x, y)
    case let (.bytes(x), .bytes(y)): return x == y
    case let (.timestamp(x), .timestamp(y)): return x == y
    case let (.duration(x), .duration(y)): return x == y
    case let (.type(x), .type(y)): return x == y
    case let (.list(x), .list(y)): return x.count == y.count && zip(x, y).allSatisfy { $0 == $1 }
    case let (.map(x), .map(y)): return mapsEqual(x.entries, y.count) { y[$0] }
    case let (.record(x), .record(y)): return x === y || mapsEqual(x.fieldEntries, x.fieldCount) { y.value(forKey: $0) }
    case let (.record(x), .map(y)), let (.map(y), .record(x)):
      return mapsEqual(y.entries, x.fieldCount) { x.value(forKey: $0) }
    case let (.error(x), .error(y)): return x.message == y.message
    default:
      guard let order = Value.numericOrder(a, b) else { return false }
      return order == .equal
    }
  }

  /// CEL `_==_` as an expression: an error operand is the result, otherwise a bool.
  public static func celEquals(_ a: Value, _ b: Value) -> Value {
    if case .error = a { return a }
    if case .error = b { return b }
    return .bool(a == b)
  }

  /// Code-point equality: Swift's `==` on strings also equates canonically equivalent text
  /// (`é` and `e` + U+0301), which CEL does not.
  static func sameText(_ x: String, _ y: String) -> Bool {
    x.utf8.count == y.utf8.count && x.utf8.elementsEqual(y.utf8)
  }

  /// True when every entry of `entries` is found, equal, through `lookup`, and the sizes match.
  private static func mapsEqual(
    _ entries: [(key: Value, value: Value)], _ otherCount: Int, lookup: (Value) -> Value?
  ) -> Bool {
    guard entries.count == otherCount else { return false }
    for entry in entries {
      guard let other = lookup(entry.key), other == entry.value else { return false }
    }
    return true
  }
}

extension Record {
  /// Present fields as map entries with string keys, for equality with maps.
  var fieldEntries: [(key: Value, value: Value)] { fields.map { (Value.string($0.name), $0.value) } }

  /// The number of present fields.
  var fieldCount: Int { fields.count }

  /// The value of a field named by a string key; nil for other keys or absent fields.
  func value(forKey key: Value) -> Value? {
    guard case .string(let name) = key else { return nil }
    return field(name)
  }
}
