/// A count per verdict, kept in a fixed table so tallying a million findings costs no hashing.
public struct VerdictCounts: Sendable, Hashable {
  private var table = [Int](repeating: 0, count: Verdict.allCases.count)

  /// Creates an empty tally.
  public init() {}

  /// The count for one verdict.
  public subscript(verdict: Verdict) -> Int {
    get { table[verdict.rank] }
    set { table[verdict.rank] = newValue }
  }

  /// The non-zero counts in report order (SPEC §6 omits zero counts).
  public var nonZero: [(verdict: Verdict, count: Int)] {
    Verdict.allCases.compactMap { table[$0.rank] == 0 ? nil : ($0, table[$0.rank]) }
  }

  /// The sum over all verdicts.
  public var total: Int { table.reduce(0, +) }

  /// Adds another tally into this one.
  public mutating func add(_ other: VerdictCounts) {
    for i in table.indices { table[i] += other.table[i] }
  }
}
