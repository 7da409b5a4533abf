/// Verdict counts per rule and per employee, in flat tables indexed by number.
struct Tally: Sendable {
  private static let width = Verdict.allCases.count
  private var byRule: [Int]
  private var byEmployee: [Int]

  init(rules: Int, employees: Int) {
    byRule = [Int](repeating: 0, count: rules * Tally.width)
    byEmployee = [Int](repeating: 0, count: employees * Tally.width)
  }

  /// Adds another tally of the same shape.
  mutating func add(_ other: Tally) {
    for i in byRule.indices { byRule[i] += other.byRule[i] }
    for i in byEmployee.indices { byEmployee[i] += other.byEmployee[i] }
  }

  mutating func add(rule: Int, employee: Int, _ verdict: Verdict) {
    byRule[rule * Tally.width + verdict.rank] += 1
    byEmployee[employee * Tally.width + verdict.rank] += 1
  }

  private static func counts(_ table: [Int], _ row: Int) -> VerdictCounts {
    var counts = VerdictCounts()
    for verdict in Verdict.allCases { counts[verdict] = table[row * width + verdict.rank] }
    return counts
  }

  /// The summary: every rule in set order, employees with findings by name in code point
  /// order (or only `only`, when given).
  func summary(rules: [String], employees: [String], only: Int32?) -> Evaluation.Summary {
    var total = VerdictCounts()
    let ruleCounts = rules.indices.map { r in
      let counts = Tally.counts(byRule, r)
      total.add(counts)
      return (rule: rules[r], counts: counts)
    }
    let employeeCounts =
      employees.indices
      .filter { only == nil || only == Int32($0) }
      .map { (employee: employees[$0], counts: Tally.counts(byEmployee, $0)) }
      .filter { $0.counts.total > 0 }
      .sorted { $0.employee.utf8.lexicographicallyPrecedes($1.employee.utf8) }
    return Evaluation.Summary(byVerdict: total, byEmployee: employeeCounts, byRule: ruleCounts)
  }
}
