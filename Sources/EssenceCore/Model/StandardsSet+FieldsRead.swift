import CEL

extension StandardsSet {
  /// The event fields judging can read, or nil when any field may matter.
  ///
  /// These are the fields the set's expressions select from `event` (and from `other`, in a
  /// relation's `where`), the fields its rules name (evidence, `same`, `per`), `employee`,
  /// an approval's `ref` and `decision`, and `note` (reports quote the employee's own words).
  /// An expression that uses a whole event (`size(event)`, a comprehension variable named
  /// `event`) may read any field, so then the answer is nil.
  public var fieldsRead: Set<String>? {
    var names: Set<String> = ["employee", "note", "ref", "decision"]
    var conditions: [Condition] = []
    func add(_ check: Check) {
      switch check {
      case .condition(let condition):
        conditions.append(condition)
      case .relation(let relation):
        names.formUnion(relation.same)
        if let condition = relation.where { conditions.append(condition) }
      }
    }
    for file in files {
      if let scope = file.scope { conditions.append(scope) }
      for standard in file.standards {
        if let when = standard.when { conditions.append(when) }
        add(standard.expect)
        for check in standard.purposeChecks { add(check.expect) }
        for deviation in standard.deviations {
          conditions.append(deviation.when)
          if let limit = deviation.limit { conditions.append(limit) }
          names.formUnion(deviation.evidence)
        }
      }
      for signal in file.signals {
        if let when = signal.when { conditions.append(when) }
        names.formUnion(signal.responseSame)
      }
      for pattern in file.patterns {
        if let when = pattern.when { conditions.append(when) }
        names.formUnion(pattern.per)
      }
    }
    for condition in conditions {
      guard condition.ast.selectsFields(only: ["event", "other"], into: &names) else { return nil }
    }
    return names
  }
}

extension Expr {
  /// Adds every field this expression selects from one of `variables` to `names`; false when
  /// it uses one of them any other way.
  fileprivate func selectsFields(only variables: Set<String>, into names: inout Set<String>) -> Bool {
    switch kind {
    case .select(let operand, let field, _):
      if case .ident(let name) = operand.kind, variables.contains(name) {
        names.insert(field)
        return true
      }
    case .ident(let name) where variables.contains(name):
      return false
    default:
      break
    }
    for child in children where !child.selectsFields(only: variables, into: &names) { return false }
    return true
  }
}
