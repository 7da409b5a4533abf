/// Compiling calls: the non-strict operators (`&&`, `||`, `?:`), fast paths for the shapes
/// standards use most (a field against a literal, `in` a literal list, a literal regex),
/// and the strict library functions.
extension Compiler {
  mutating func compileCall(_ expr: Expr, _ function: String, _ args: [Expr]) -> Compiled {
    switch (function, args.count) {
    case ("_&&_", 2): return compileLogic(expr, args, absorbing: false)
    case ("_||_", 2): return compileLogic(expr, args, absorbing: true)
    case ("_?_:_", 3): return compileConditional(expr, args)
    case ("@not_strictly_false", 1), ("__not_strictly_false__", 1):
      let operand = compile(args[0]).eval
      return node(expr) { frame in
        if case .bool(false) = operand(&frame) { return .bool(false) }
        return .bool(true)
      }
    case ("_+_", 2):
      if let slot = accumulatorSlot(args[0]), case .list(let items) = args[1].kind {
        return compileAppend(expr, slot: slot, items)
      }
    default: break
    }
    let compiled = args.map { compile($0) }
    if let fast = fastPath(expr, function, compiled) { return fast }
    guard let overload = Library.overload(function, arity: args.count) else {
      return compileMissing(expr, function, compiled)
    }
    return strictCall(expr, overload, compiled)
  }

  /// `a && b` (or `a || b` when `absorbing` is true): either side's `false` (`true`) decides,
  /// whatever the other is, even an error; otherwise an error operand is the result.
  private mutating func compileLogic(_ expr: Expr, _ args: [Expr], absorbing decisive: Bool) -> Compiled {
    let left = compile(args[0])
    let right = compile(args[1])
    let l = left.eval
    let r = right.eval
    let name = decisive ? "_||_" : "_&&_"
    return node(expr, foldable: [left, right]) { frame in
      let a = l(&frame)
      if case .bool(let x) = a, x == decisive { return a }
      let b = r(&frame)
      if case .bool(let y) = b {
        if y == decisive { return b }
        if case .bool = a { return b }
      }
      if case .error = a { return a }
      if case .error = b { return b }
      return Value.noOverload(name, a, b)
    }
  }

  private mutating func compileConditional(_ expr: Expr, _ args: [Expr]) -> Compiled {
    let condition = compile(args[0])
    let yes = compile(args[1])
    let no = compile(args[2])
    let c = condition.eval
    let y = yes.eval
    let n = no.eval
    return node(expr, foldable: [condition, yes, no]) { frame in
      switch c(&frame) {
      case .bool(true): return y(&frame)
      case .bool(false): return n(&frame)
      case .error(let e): return .error(e)
      case let other: return Value.noOverload("_?_:_", other)
      }
    }
  }

  /// `@result + [x]` inside a macro: appends in place instead of copying the list each step.
  private mutating func compileAppend(_ expr: Expr, slot: Int, _ items: [Expr]) -> Compiled {
    let elements = items.map { compile($0).eval }
    return node(expr) { frame in
      var added: [Value] = []
      for element in elements {
        let value = element(&frame)
        if case .error = value { return value }
        added.append(value)
      }
      var accumulated = frame.locals[slot]
      frame.locals[slot] = .null
      guard case .list(var list) = accumulated else { return Value.add(accumulated, .list(added)) }
      accumulated = .null
      list.append(contentsOf: added)
      return .list(list)
    }
  }

  /// A call with no overload for its argument count: the arguments' first error, or an error
  /// naming the function.
  private func compileMissing(_ expr: Expr, _ function: String, _ args: [Compiled]) -> Compiled {
    let evals = args.map(\.eval)
    let id = expr.id
    let known = Library.knows(function)
    return node(expr, foldable: args) { frame in
      let values = evals.map { $0(&frame) }
      if let error = values.first(where: \.isError) { return error }
      if known { return Value.located(Value.noOverload(function, arguments: values), id) }
      return .error(EvalError("unknown function '\(function)'", exprID: id))
    }
  }

  /// A library function: arguments left to right, the first error is the result.
  private func strictCall(_ expr: Expr, _ overload: Overload, _ args: [Compiled]) -> Compiled {
    let id = expr.id
    switch overload {
    case .unary(let f):
      let a = args[0].eval
      return node(expr, foldable: args) { frame in
        let x = a(&frame)
        if case .error = x { return x }
        return Value.located(f(x), id)
      }
    case .binary(let f):
      let a = args[0].eval
      let b = args[1].eval
      return node(expr, foldable: args) { frame in
        let x = a(&frame)
        if case .error = x { return x }
        let y = b(&frame)
        if case .error = y { return y }
        return Value.located(f(x, y), id)
      }
    case .ternary(let f):
      let a = args[0].eval
      let b = args[1].eval
      let c = args[2].eval
      return node(expr, foldable: args) { frame in
        let x = a(&frame)
        if case .error = x { return x }
        let y = b(&frame)
        if case .error = y { return y }
        let z = c(&frame)
        if case .error = z { return z }
        return Value.located(f(x, y, z), id)
      }
    case .variadic(let f):
      let evals = args.map(\.eval)
      return node(expr, foldable: args) { frame in
        var values: [Value] = []
        for eval in evals {
          let value = eval(&frame)
          if case .error = value { return value }
          values.append(value)
        }
        return Value.located(f(values), id)
      }
    }
  }
}
