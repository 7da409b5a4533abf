/// Calls, and the macros that expand at parse time (`has`, `all`, `exists`, `exists_one`,
/// `map`, `filter`), exactly as cel-spec's langdef describes their expansion.
extension Parser {
  /// The accumulator variable of every expanded macro.
  static let accumulator = "@result"

  /// A call without a receiver: `f(args)`, or the `has(a.b)` macro.
  mutating func globalCall(_ function: String, args: [Expr], from offset: Int, to end: Int) -> Expr {
    guard function == "has", args.count == 1 else {
      return node(.call(function: function, target: nil, args: args), from: offset, to: end)
    }
    guard case .select(let operand, let field, _) = args[0].kind else {
      error("argument to 'has' must be a field selection such as 'has(event.note)'", offset: args[0].offset)
      return errorNode(at: offset)
    }
    return node(.select(operand: operand, field: field, testOnly: true), from: offset, to: end)
  }

  /// A call with a receiver, `target.f(args)`, expanding the comprehension macros.
  mutating func memberCall(_ function: String, target: Expr, args: [Expr], from offset: Int, to end: Int)
    -> Expr
  {
    let arity: Set<Int> =
      switch function {
      case "all", "exists", "exists_one", "filter": [2]
      case "map": [2, 3]
      default: []
      }
    guard arity.contains(args.count) else {
      return node(.call(function: function, target: target, args: args), from: offset, to: end)
    }
    guard case .ident(let variable) = args[0].kind, variable != "<error>" else {
      error("the first argument of '\(function)' must be a variable name", offset: args[0].offset)
      return errorNode(at: offset)
    }
    let builder = MacroBuilder(offset: offset, end: end)
    let parts = builder.expansion(function, variable: variable, args: Array(args.dropFirst()), parser: &self)
    return node(
      .comprehension(
        Expr.Comprehension(
          macro: function, iterVar: variable, iterRange: target, accuVar: Parser.accumulator,
          accuInit: parts.initial, loopCondition: parts.condition, loopStep: parts.step,
          result: parts.result)),
      from: offset, to: end)
  }
}

/// Builds the synthetic nodes of one macro expansion, all positioned at the macro call.
private struct MacroBuilder {
  let offset: Int
  let end: Int

  func expansion(_ macro: String, variable: String, args: [Expr], parser: inout Parser)
    -> (initial: Expr, condition: Expr, step: Expr, result: Expr)
  {
    func make(_ kind: Expr.Kind) -> Expr { parser.node(kind, from: offset, to: end) }
    func call(_ function: String, _ args: Expr...) -> Expr {
      make(.call(function: function, target: nil, args: args))
    }
    func accu() -> Expr { make(.ident(Parser.accumulator)) }
    func literal(_ value: Value) -> Expr { make(.literal(value)) }
    /// `p ? step : @result`
    func guarded(_ predicate: Expr, _ step: Expr) -> Expr { call("_?_:_", predicate, step, accu()) }

    switch macro {
    case "all":
      return (
        literal(.bool(true)), call("@not_strictly_false", accu()), call("_&&_", accu(), args[0]), accu()
      )
    case "exists":
      return (
        literal(.bool(false)), call("@not_strictly_false", call("!_", accu())),
        call("_||_", accu(), args[0]), accu()
      )
    case "exists_one":
      return (
        literal(.int(0)), literal(.bool(true)),
        guarded(args[0], call("_+_", accu(), literal(.int(1)))), call("_==_", accu(), literal(.int(1)))
      )
    case "filter":
      let appended = call("_+_", accu(), make(.list([make(.ident(variable))])))
      return (make(.list([])), literal(.bool(true)), guarded(args[0], appended), accu())
    default:  // map, with or without a filter
      let transform = args[args.count - 1]
      let appended = call("_+_", accu(), make(.list([transform])))
      let step = args.count == 2 ? guarded(args[0], appended) : appended
      return (make(.list([])), literal(.bool(true)), step, accu())
    }
  }
}
