/// CEL ordering: numbers across int, uint and double by value (`1u < 2`, `-1 < 1u`; an integer
/// meets a double as a double),
/// strings by code point, bytes lexicographically, `false < true`, timestamps and durations
/// in time. Other kinds, or two different kinds, have no order (`_<_` has no overload).
extension Value {
  /// How two values order; `unordered` when one is NaN.
  public enum Order: Sendable {
    case less, equal, greater, unordered
  }

  /// The order of two values, or nil when CEL defines no `<` between them.
  public static func compare(_ a: Value, _ b: Value) -> Order? {
    switch (a, b) {
    case (.string(let x), .string(let y)): return order(x, y)
    case (.bool(let x), .bool(let y)): return x == y ? .equal : (y ? .less : .greater)
    case (.bytes(let x), .bytes(let y)): return x.lexicographicallyPrecedes(y) ? .less : (x == y ? .equal : .greater)
    case (.timestamp(let x), .timestamp(let y)): return order(x, y)
    case (.duration(let x), .duration(let y)): return order(x, y)
    default: return numericOrder(a, b)
    }
  }

  /// The order of two numbers of any kinds; nil when either is not a number.
  static func numericOrder(_ a: Value, _ b: Value) -> Order? {
    switch (a, b) {
    case (.int(let x), .int(let y)): return order(x, y)
    case (.uint(let x), .uint(let y)): return order(x, y)
    case (.double(let x), .double(let y)): return x.isNaN || y.isNaN ? .unordered : order(x, y)
    case (.int(let x), .uint(let y)): return x < 0 ? .less : order(UInt64(x), y)
    case (.uint(let x), .int(let y)): return y < 0 ? .greater : order(x, UInt64(y))
    case (.int(let x), .double(let y)): return compare(x, y)
    case (.double(let x), .int(let y)): return flip(compare(y, x))
    case (.uint(let x), .double(let y)): return compare(x, y)
    case (.double(let x), .uint(let y)): return flip(compare(y, x))
    default: return nil
    }
  }

  private static func order<T: Comparable>(_ x: T, _ y: T) -> Order {
    x < y ? .less : (x == y ? .equal : .greater)
  }

  private static func flip(_ o: Order) -> Order {
    switch o {
    case .less: return .greater
    case .greater: return .less
    default: return o
    }
  }

  /// An integer against a double, by converting the integer to double as cel-spec's tests
  /// require (`9223372036854775807 >= 9223372036854775808.0` holds: the conversion rounds).
  private static func compare<I: BinaryInteger>(_ x: I, _ y: Double) -> Order {
    let d = Double(x)
    return y.isNaN ? .unordered : order(d, y)
  }
}

extension Value {
  /// A relational operator: true when the order of `a` and `b` satisfies `holds`; false when
  /// a NaN makes them unordered; an error when the kinds have no order.
  static func relation(_ function: String, _ a: Value, _ b: Value, holds: (Order) -> Bool) -> Value {
    guard let order = compare(a, b) else { return noOverload(function, a, b) }
    return .bool(order != .unordered && holds(order))
  }
}
