/// A CEL map: keys are bool, int, uint or string; entries keep their insertion order.
public struct MapValue: Sendable {
  /// Entries in insertion order.
  public private(set) var entries: [(key: Value, value: Value)]

  /// Creates a map from entries in order.
  public init(entries: [(key: Value, value: Value)]) {
    self.entries = entries
  }
}
