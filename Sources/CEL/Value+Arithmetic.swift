/// CEL's arithmetic operators. Integers never wrap (overflow is an error), division and
/// modulo by zero are errors, doubles follow IEEE 754, and operands of different kinds have
/// no overload (`1 + 1.0` is an error, as in CEL).
extension Value {
  /// `a + b`: numbers, strings, bytes, lists, maps (right wins), and time arithmetic.
  static func add(_ a: Value, _ b: Value) -> Value {
    switch (a, b) {
    case (.int(let x), .int(let y)): return checked(x.addingReportingOverflow(y))
    case (.uint(let x), .uint(let y)): return checked(x.addingReportingOverflow(y))
    case (.double(let x), .double(let y)): return .double(x + y)
    case (.string(let x), .string(let y)): return .string(x + y)
    case (.bytes(let x), .bytes(let y)): return .bytes(x + y)
    case (.list(let x), .list(let y)): return .list(x + y)
    case (.map(let x), .map(let y)): return .map(MapValue(entries: x.entries + y.entries))
    case (.duration(let x), .duration(let y)): return addNanos(x, y, subtracting: false)
    case (.timestamp(let t), .duration(let d)), (.duration(let d), .timestamp(let t)):
      guard let nanos = d.totalNanos else { return rangeError }
      return t.adding(nanos: nanos)
    default: return noOverload("_+_", a, b)
    }
  }

  /// `a - b`: numbers, and time arithmetic.
  static func subtract(_ a: Value, _ b: Value) -> Value {
    switch (a, b) {
    case (.int(let x), .int(let y)): return checked(x.subtractingReportingOverflow(y))
    case (.uint(let x), .uint(let y)): return checked(x.subtractingReportingOverflow(y))
    case (.double(let x), .double(let y)): return .double(x - y)
    case (.duration(let x), .duration(let y)): return addNanos(x, y, subtracting: true)
    case (.timestamp(let x), .timestamp(let y)): return x.nanos(since: y)
    case (.timestamp(let t), .duration(let d)):
      guard let nanos = d.totalNanos, nanos != Int64.min else { return rangeError }
      return t.adding(nanos: -nanos)
    default: return noOverload("_-_", a, b)
    }
  }

  /// `a * b` on numbers of one kind.
  static func multiply(_ a: Value, _ b: Value) -> Value {
    switch (a, b) {
    case (.int(let x), .int(let y)): return checked(x.multipliedReportingOverflow(by: y))
    case (.uint(let x), .uint(let y)): return checked(x.multipliedReportingOverflow(by: y))
    case (.double(let x), .double(let y)): return .double(x * y)
    default: return noOverload("_*_", a, b)
    }
  }

  /// `a / b` on numbers of one kind; integer division truncates toward zero.
  static func divide(_ a: Value, _ b: Value) -> Value {
    switch (a, b) {
    case (.int(let x), .int(let y)):
      if y == 0 { return .error(EvalError("division by zero")) }
      return checked(x.dividedReportingOverflow(by: y))
    case (.uint(let x), .uint(let y)):
      if y == 0 { return .error(EvalError("division by zero")) }
      return .uint(x / y)
    case (.double(let x), .double(let y)): return .double(x / y)
    default: return noOverload("_/_", a, b)
    }
  }

  /// `a % b` on integers of one kind; the result takes the sign of `a`.
  static func modulo(_ a: Value, _ b: Value) -> Value {
    switch (a, b) {
    case (.int(let x), .int(let y)):
      if y == 0 { return .error(EvalError("modulus by zero")) }
      return checked(x.remainderReportingOverflow(dividingBy: y))
    case (.uint(let x), .uint(let y)):
      if y == 0 { return .error(EvalError("modulus by zero")) }
      return .uint(x % y)
    default: return noOverload("_%_", a, b)
    }
  }

  /// `-a` on ints, doubles and durations.
  static func negate(_ a: Value) -> Value {
    switch a {
    case .int(let x): return checked(Int64(0).subtractingReportingOverflow(x))
    case .double(let x): return .double(-x)
    case .duration(let d):
      guard let nanos = d.totalNanos, nanos != Int64.min else { return rangeError }
      return .duration(CELDuration(totalNanos: -nanos))
    default: return noOverload("-_", a)
    }
  }

  /// `!a` on bools.
  static func not(_ a: Value) -> Value {
    if case .bool(let b) = a { return .bool(!b) }
    return noOverload("!_", a)
  }

  private static func checked(_ result: (partialValue: Int64, overflow: Bool)) -> Value {
    result.overflow ? .error(EvalError("integer overflow")) : .int(result.partialValue)
  }

  private static func checked(_ result: (partialValue: UInt64, overflow: Bool)) -> Value {
    result.overflow ? .error(EvalError("unsigned integer overflow")) : .uint(result.partialValue)
  }

  private static func addNanos(_ x: CELDuration, _ y: CELDuration, subtracting: Bool) -> Value {
    guard let a = x.totalNanos, let b = y.totalNanos else { return rangeError }
    let (sum, overflow) = subtracting ? a.subtractingReportingOverflow(b) : a.addingReportingOverflow(b)
    return CELDuration.checked(sum, overflow: overflow)
  }

  private static var rangeError: Value { .error(EvalError("duration out of range")) }

  /// The error for a function applied to argument kinds it has no overload for.
  static func noOverload(_ function: String, _ args: Value...) -> Value {
    noOverload(function, arguments: args)
  }

  /// The error for a function applied to argument kinds it has no overload for.
  static func noOverload(_ function: String, arguments: [Value]) -> Value {
    if let error = arguments.first(where: \.isError) { return error }
    let kinds = arguments.map(\.typeName).joined(separator: ", ")
    return .error(EvalError("no such overload: '\(displayName(function))' applied to (\(kinds))"))
  }

  /// An operator's name as written (`+` for `_+_`), a function's as is.
  static func displayName(_ function: String) -> String {
    if function.hasPrefix("_"), function.hasSuffix("_"), function.count > 2 {
      return String(function.dropFirst().dropLast())
    }
    if function.hasSuffix("_") { return String(function.dropLast()) }
    return function
  }

  /// Whether this is an error value.
  public var isError: Bool {
    if case .error = self { return true }
    return false
  }
}
