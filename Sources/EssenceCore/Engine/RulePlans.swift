import CEL

// The rules as judging runs them. Each is a class, so the loop over a million events passes
// references instead of copying model structs (a `Condition` alone holds a dozen references).

/// A compiled condition with the fields it reads.
final class Predicate: Sendable {
  let condition: Condition
  let program: Program
  /// The `event.<field>` names it reads, for explanations.
  let fields: [String]

  init(_ condition: Condition) {
    self.condition = condition
    self.program = condition.program
    self.fields = condition.eventFields
  }

  /// `true` holds, `false` fails, anything else is an error (SPEC §7).
  func outcome(_ activation: Activation) -> ConditionOutcome {
    switch program.evaluate(activation) {
    case .bool(true): .held
    case .bool(false): .failed
    default: .error
    }
  }
}

/// A relation with its lookup (the index of the other events) resolved.
final class RelationPlan: Sendable {
  let relation: Relation
  let lookup: Int
  let `where`: Predicate?

  init(_ relation: Relation, lookup: Int) {
    self.relation = relation
    self.lookup = lookup
    self.where = relation.where.map(Predicate.init)
  }
}

/// An `expect` or purpose check.
enum CheckPlan: Sendable {
  case condition(Predicate)
  case relation(RelationPlan)
}

/// An allowed deviation.
final class DeviationPlan: Sendable {
  let deviation: Deviation
  let when: Predicate
  let limit: Predicate?

  init(_ deviation: Deviation) {
    self.deviation = deviation
    self.when = Predicate(deviation.when)
    self.limit = deviation.limit.map(Predicate.init)
  }
}

/// A standard: its letter, purpose checks and deviations.
final class StandardPlan: Sendable {
  let standard: Standard
  let expect: CheckPlan
  let checks: [CheckPlan]
  let deviations: [DeviationPlan]

  init(_ standard: Standard, expect: CheckPlan, checks: [CheckPlan]) {
    self.standard = standard
    self.expect = expect
    self.checks = checks
    self.deviations = standard.deviations.map(DeviationPlan.init)
  }
}

/// A signal and the lookup its responses are found in.
final class SignalPlan: Sendable {
  let signal: Signal
  let lookup: Int

  init(_ signal: Signal, lookup: Int) {
    self.signal = signal
    self.lookup = lookup
  }
}

/// A pattern.
final class PatternPlan: Sendable {
  let pattern: Pattern

  init(_ pattern: Pattern) { self.pattern = pattern }
}
