import CEL

/// How a condition came out, without the error's words (the hot path needs only this).
enum ConditionOutcome: UInt8, Sendable {
  case held, failed, error
}

extension Condition {
  /// Evaluates and keeps the reason an error occurred, for explanations.
  func result(_ activation: Activation) -> CheckOutcome.Result { program.evaluate(activation).checkResult }

  /// Every sub-expression's value, operands before operators, leaving out literals and bare
  /// variables (their values say nothing new).
  func trace(_ activation: Activation) -> [TraceStep] {
    var trace = Trace()
    _ = program.evaluate(activation, trace: &trace)
    var nodes: [Int: Expr] = [:]
    ast.collectNodes(into: &nodes)
    return trace.order.compactMap { id in
      guard let node = nodes[id], let value = trace[id] else { return nil }
      switch node.kind {
      case .literal, .ident: return nil
      default: return TraceStep(expression: node.sourceDescription, value: value)
      }
    }
  }

  /// The `event.<field>` names the expression reads, in order of first appearance.
  var eventFields: [String] {
    var names: [String] = []
    ast.collectFields(of: "event", into: &names)
    return names
  }
}

extension Value {
  /// How a condition's value decides its check, with the reason when it errs: for callers
  /// that hold the program without its `Condition` (copying one counts a dozen references).
  var checkResult: CheckOutcome.Result {
    switch self {
    case .bool(true): .held
    case .bool(false): .failed
    case .error(let error): .error(error.message)
    default: .error("expected a bool, got \(typeName)")
    }
  }
}

extension Expr {
  /// Every node of the tree by id.
  fileprivate func collectNodes(into nodes: inout [Int: Expr]) {
    nodes[id] = self
    for child in children { child.collectNodes(into: &nodes) }
  }

  /// Appends every `variable.field` this expression selects (outside `has()`), once each.
  fileprivate func collectFields(of variable: String, into names: inout [String]) {
    if case .select(let operand, let field, _) = kind, case .ident(variable) = operand.kind {
      if !names.contains(field) { names.append(field) }
      return
    }
    for child in children { child.collectFields(of: variable, into: &names) }
  }
}
