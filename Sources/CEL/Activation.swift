/// The values of an expression's variables for one evaluation, in the ``Environment``'s order.
///
/// Building one is an array of values, nothing more: reuse it across events by assigning
/// `values[i]`, which does not allocate.
public struct Activation: @unchecked Sendable {
  /// Values by the environment's variable index.
  public var values: [Value]
  /// Variable 0 when it is a record lent with `lend(_:row:)`: its storage, not counted, and row.
  /// (Unchecked: the storage is sendable; `Unmanaged` is not marked so.)
  private(set) var lent: (storage: Unmanaged<RecordStorage>, row: UInt32)?

  /// Creates an activation from values in the environment's variable order.
  public init(values: [Value]) {
    self.values = values
  }

  /// Makes variable 0 (the event) the record at `row` of `storage` without counting a reference
  /// to the storage, until the next `lend`; `values[0]` is not read meanwhile. The caller keeps
  /// the storage alive while it evaluates with this activation. A loop judging a million events
  /// set `values[0]` to each one's record, counting its storage twice an event.
  public mutating func lend(_ storage: RecordStorage, row: UInt32) {
    lent = (.passUnretained(storage), row)
  }
}
