import CEL

// The rules as judging runs them. Each is a class, so the loop over a million events passes
// references instead of copying model structs (a `Condition` alone holds a dozen references).

/// A compiled condition with the fields it reads.
final class Predicate: Sendable {
  let condition: Condition
  let program: Program
  /// The `event.<field>` names it reads, for explanations.
  let fields: [FieldRef]

  init(_ condition: Condition, _ compiler: PlanCompiler) {
    self.condition = condition
    self.program = compiler.ownPrograms ? condition.program.compiledAgain() : condition.program
    self.fields = condition.eventFields.map { FieldRef($0, layout: compiler.layout) }
  }

  /// `true` holds, `false` fails, anything else is an error (SPEC §7).
  func outcome(_ activation: Activation) -> ConditionOutcome {
    // The program is read without counting a reference: this holds it, and a count for every
    // condition judged was a tenth of judging's reference counting.
    switch Unmanaged.passUnretained(program)._withUnsafeGuaranteedRef({ $0.evaluate(activation) }) {
    case .bool(true): .held
    case .bool(false): .failed
    default: .error
    }
  }
}

/// What plans are compiled against: the set's layout, and whether each condition gets
/// closures of its own.
struct PlanCompiler {
  let layout: RecordLayout
  /// Compile every condition again rather than share its program: compiled closures are
  /// reference counted, and threads evaluating the same ones contend for their counts (two
  /// threads judged no faster than one), so each judging task takes a book of its own.
  var ownPrograms = false
}

/// A relation with its lookup (the index of the other events) resolved.
final class RelationPlan: Sendable {
  let relation: Relation
  let lookup: Int
  let same: [FieldRef]
  let `where`: Predicate?
  /// The window's length and direction, and whether a match breaks the relation, copied out
  /// of `relation` so judging reads no struct.
  let withinNanos: Int64
  let forward: Bool
  let negated: Bool

  init(_ relation: Relation, lookup: Int, same: [FieldRef], compiler: PlanCompiler) {
    self.relation = relation
    self.lookup = lookup
    self.withinNanos = relation.withinNanos
    self.forward = relation.kind.looksForward
    self.negated = relation.kind.isNegated
    self.same = same
    self.where = relation.where.map { Predicate($0, compiler) }
  }
}

/// An `expect` or purpose check.
enum CheckPlan: Sendable {
  case condition(Predicate)
  case relation(RelationPlan)

  /// A check without a counted reference, valid while the plan holding it lives: judging takes
  /// a standard's checks out of its plan for every event, and the report for every sentence,
  /// where the owning enum counted a reference on its predicate or relation each time, on
  /// plans both report threads share (their cores then take turns for the count's line).
  enum Unretained: Sendable {
    case condition(Unmanaged<Predicate>)
    case relation(Unmanaged<RelationPlan>)
  }

  var unretained: Unretained {
    switch self {
    case .condition(let predicate): .condition(.passUnretained(predicate))
    case .relation(let plan): .relation(.passUnretained(plan))
    }
  }
}

/// An allowed deviation.
final class DeviationPlan: Sendable {
  let deviation: Deviation
  let when: Predicate
  let evidence: [FieldRef]
  let limit: Predicate?

  init(_ deviation: Deviation, compiler: PlanCompiler) {
    self.deviation = deviation
    self.when = Predicate(deviation.when, compiler)
    self.evidence = deviation.evidence.map { FieldRef($0, layout: compiler.layout) }
    self.limit = deviation.limit.map { Predicate($0, compiler) }
  }
}

/// A standard: its letter, purpose checks and deviations.
final class StandardPlan: Sendable {
  let standard: Standard
  let expect: CheckPlan
  let checks: [CheckPlan]
  let deviations: [DeviationPlan]
  /// `expect`, `checks` and `deviations` unretained (`CheckPlan.Unretained`), for judging and
  /// report sentences.
  let unretainedExpect: CheckPlan.Unretained
  let unretainedChecks: [CheckPlan.Unretained]
  let unretainedDeviations: [Unmanaged<DeviationPlan>]

  init(_ standard: Standard, expect: CheckPlan, checks: [CheckPlan], compiler: PlanCompiler) {
    self.standard = standard
    self.expect = expect
    self.checks = checks
    self.deviations = standard.deviations.map { DeviationPlan($0, compiler: compiler) }
    unretainedExpect = expect.unretained
    unretainedChecks = checks.map(\.unretained)
    unretainedDeviations = deviations.map { .passUnretained($0) }
  }
}

/// A signal and the lookup its responses are found in.
final class SignalPlan: Sendable {
  let signal: Signal
  let lookup: Int
  /// The fields a response must share (`same`, plus `employee` for `by: same_employee`).
  let keyFields: [FieldRef]

  init(_ signal: Signal, lookup: Int, keyFields: [FieldRef]) {
    self.signal = signal
    self.lookup = lookup
    self.keyFields = keyFields
  }
}

/// A pattern.
final class PatternPlan: Sendable {
  let pattern: Pattern
  let per: [FieldRef]

  init(_ pattern: Pattern, compiler: PlanCompiler) {
    self.pattern = pattern
    self.per = pattern.per.map { FieldRef($0, layout: compiler.layout) }
  }
}
