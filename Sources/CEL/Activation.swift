/// The values of an expression's variables for one evaluation, in the ``Environment``'s order.
///
/// Building one is an array of values, nothing more: reuse it across events by assigning
/// `values[i]`, which does not allocate.
public struct Activation: Sendable {
  /// Values by the environment's variable index.
  public var values: [Value]

  /// Creates an activation from values in the environment's variable order.
  public init(values: [Value]) {
    self.values = values
  }
}
