import CEL

/// How a condition came out, without the error's words (the hot path needs only this).
enum ConditionOutcome: UInt8, Sendable {
  case held, failed, error
}

extension Condition {
  /// Evaluates and keeps the reason an error occurred, for explanations.
  func result(_ activation: Activation) -> CheckOutcome.Result {
    let value = program.evaluate(activation)
    switch value {
    case .bool(true): return .held
    case .bool(false): return .failed
    case .error(let error): return .error(error.message)
    default: return .error("expected a bool, got \(value.typeName)")
    }
  }

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
