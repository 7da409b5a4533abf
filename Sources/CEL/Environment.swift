/// The variables an expression may read, with their types. (Placeholder; owned by the
/// parser/checker work, which adds `compile`.)
public struct Environment: Sendable {
  /// Declared variables in order; an ``Activation`` supplies their values by this index.
  public var variables: [(name: String, type: CELType)]

  /// Creates an environment.
  public init(variables: [(name: String, type: CELType)]) {
    self.variables = variables
  }
}
