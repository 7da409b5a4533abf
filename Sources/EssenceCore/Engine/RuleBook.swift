import CEL

/// A standards set arranged for judging: rules in set order, and for each event type the
/// rules that may apply to it, grouped by file so a file's `scope` runs once per event.
final class RuleBook: Sendable {
  /// A rule of the set, by kind.
  enum Body: Sendable {
    case standard(StandardPlan)
    case signal(SignalPlan)
    case pattern(PatternPlan)
  }

  /// A rule's plan held without a counted reference: judging switches on a rule for every
  /// event and describing for every finding, and a plan taken out of `Body` is retained and
  /// released each time. Valid while the book lives, which keeps every plan.
  enum Plan {
    case standard(Unmanaged<StandardPlan>)
    case signal(Unmanaged<SignalPlan>)
    case pattern(Unmanaged<PatternPlan>)

    init(_ body: Body) {
      switch body {
      case .standard(let plan): self = .standard(.passUnretained(plan))
      case .signal(let plan): self = .signal(.passUnretained(plan))
      case .pattern(let plan): self = .pattern(.passUnretained(plan))
      }
    }
  }

  /// A rule and the file it came from; a class so judging a million events copies no fields.
  final class Entry: Sendable {
    let body: Body
    /// `body`'s plan, unretained (see ``Plan``).
    let plan: Plan
    let file: Int
    let id: String
    let when: Predicate?

    init(body: Body, file: Int, id: String, when: Condition?, compiler: PlanCompiler) {
      self.body = body
      self.plan = Plan(body)
      self.file = file
      self.id = id
      self.when = when.map { Predicate($0, compiler) }
    }
  }

  /// The rules of one file that name a type in their `on`, in set order.
  struct FileRules: Sendable {
    var file: Int
    var rules: [Int]
  }

  /// A distinct (types, `same`) pair that relations or signal responses look up.
  struct Lookup: Hashable, Sendable {
    var types: [String]
    var same: [String]
  }

  let set: StandardsSet
  let rules: [Entry]
  let infos: [RuleInfo]
  /// Rules by event type, grouped by file.
  let rulesByType: [String: [FileRules]]
  /// Types some entry under `standards:` names: a signal's employee working on one of these
  /// was busy with assigned tasks (SPEC §3).
  let busyTypes: Set<String>
  /// Every distinct lookup, numbered.
  let lookups: [Lookup]
  /// Each lookup's `same` fields, resolved.
  let lookupFields: [[FieldRef]]
  /// `note` (the employee's words, for recognition), and an approval's `ref` and `decision`.
  let note: FieldRef
  let ref: FieldRef
  let decision: FieldRef

  /// Arranges `set`; with `ownPrograms`, every condition is compiled again for this book
  /// alone (see `PlanCompiler.ownPrograms`).
  init(set: StandardsSet, ownPrograms: Bool = false) {
    let compiler = PlanCompiler(layout: set.layout, ownPrograms: ownPrograms)
    let layout = set.layout
    var lookups: [Lookup] = []
    var lookupFields: [[FieldRef]] = []
    var lookupIDs: [Lookup: Int] = [:]
    func register(_ lookup: Lookup) -> Int {
      if let id = lookupIDs[lookup] { return id }
      lookupIDs[lookup] = lookups.count
      lookups.append(lookup)
      lookupFields.append(lookup.same.map { FieldRef($0, layout: layout) })
      return lookups.count - 1
    }
    func compile(_ check: Check) -> CheckPlan {
      switch check {
      case .condition(let c): return .condition(Predicate(c, compiler))
      case .relation(let r):
        let l = register(RuleBook.lookup(r))
        return .relation(RelationPlan(r, lookup: l, same: lookupFields[l], compiler: compiler))
      }
    }
    var rules: [Entry] = []
    var ons: [[String]] = []
    for (f, file) in set.files.enumerated() {
      for s in file.standards {
        let body = Body.standard(
          StandardPlan(
            s, expect: compile(s.expect), checks: s.purposeChecks.map { compile($0.expect) }, compiler: compiler))
        rules.append(Entry(body: body, file: f, id: s.id, when: s.when, compiler: compiler))
        ons.append(s.on)
      }
      for s in file.signals {
        let l = register(RuleBook.lookup(s))
        let body = Body.signal(SignalPlan(s, lookup: l, keyFields: lookupFields[l]))
        rules.append(Entry(body: body, file: f, id: s.id, when: s.when, compiler: compiler))
        ons.append(s.on)
      }
      for p in file.patterns {
        rules.append(
          Entry(body: .pattern(PatternPlan(p, compiler: compiler)), file: f, id: p.id, when: p.when, compiler: compiler))
        ons.append(p.on)
      }
    }
    var byType: [String: [FileRules]] = [:]
    for (r, rule) in rules.enumerated() {
      for type in Set(ons[r]) {
        var groups = byType[type, default: []]
        if groups.last?.file == rule.file {
          groups[groups.count - 1].rules.append(r)
        } else {
          groups.append(FileRules(file: rule.file, rules: [r]))
        }
        byType[type] = groups
      }
    }
    self.set = set
    self.rules = rules
    self.infos = set.ruleInfos
    self.rulesByType = byType
    self.busyTypes = Set(set.files.flatMap { $0.standards.flatMap(\.on) })
    self.lookups = lookups
    self.lookupFields = lookupFields
    self.scopes = set.files.map { $0.scope.map { Predicate($0, compiler) } }
    self.note = FieldRef("note", layout: layout)
    self.ref = FieldRef("ref", layout: layout)
    self.decision = FieldRef("decision", layout: layout)
  }

  /// The lookup a relation searches.
  static func lookup(_ relation: Relation) -> Lookup {
    Lookup(types: Set(relation.on).sorted(), same: relation.same)
  }

  /// The lookup a signal's responses are found in; `by: same_employee` adds the employee to the key.
  static func lookup(_ signal: Signal) -> Lookup {
    Lookup(
      types: Set(signal.responseOn).sorted(),
      same: signal.responseSame + (signal.responseBy == .sameEmployee ? ["employee"] : []))
  }

  /// Each file's scope, by file position.
  let scopes: [Predicate?]
}
