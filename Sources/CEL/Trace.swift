/// The value of every sub-expression an evaluation computed, by AST node id, for `explain`:
/// `event.break_minutes = 65 → 65 <= 45 → false`.
public struct Trace: Sendable {
  /// The last value each node produced (nodes inside macros run once per element).
  public private(set) var values: [Int: Value] = [:]
  /// Node ids in the order their values were first produced (operands before operators).
  public private(set) var order: [Int] = []

  /// Creates an empty trace.
  public init() {}

  /// Records a node's value.
  mutating func record(_ id: Int, _ value: Value) {
    if values.updateValue(value, forKey: id) == nil { order.append(id) }
  }

  /// The value a node produced, or nil when it was never evaluated (short-circuited).
  public subscript(id: Int) -> Value? { values[id] }
}
