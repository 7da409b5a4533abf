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
    switch kind {
    case .literal, .ident:
      break
    case .select(let operand, _, _):
      operand.collectNodes(into: &nodes)
    case .call(_, let target, let args):
      target?.collectNodes(into: &nodes)
      for arg in args { arg.collectNodes(into: &nodes) }
    case .list(let items):
      for item in items { item.collectNodes(into: &nodes) }
    case .map(let entries):
      for entry in entries {
        entry.key.collectNodes(into: &nodes)
        entry.value.collectNodes(into: &nodes)
      }
    case .comprehension(let c):
      for e in [c.iterRange, c.accuInit, c.loopCondition, c.loopStep, c.result] { e.collectNodes(into: &nodes) }
    }
  }

  /// Appends every `variable.field` this expression selects (outside `has()`), once each.
  fileprivate func collectFields(of variable: String, into names: inout [String]) {
    switch kind {
    case .literal, .ident:
      break
    case .select(let operand, let field, _):
      if case .ident(variable) = operand.kind {
        if !names.contains(field) { names.append(field) }
      } else {
        operand.collectFields(of: variable, into: &names)
      }
    case .call(_, let target, let args):
      target?.collectFields(of: variable, into: &names)
      for arg in args { arg.collectFields(of: variable, into: &names) }
    case .list(let items):
      for item in items { item.collectFields(of: variable, into: &names) }
    case .map(let entries):
      for entry in entries {
        entry.key.collectFields(of: variable, into: &names)
        entry.value.collectFields(of: variable, into: &names)
      }
    case .comprehension(let c):
      for e in [c.iterRange, c.accuInit, c.loopCondition, c.loopStep, c.result] {
        e.collectFields(of: variable, into: &names)
      }
    }
  }
}
