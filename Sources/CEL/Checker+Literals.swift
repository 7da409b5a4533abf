/// Literal arguments that would fail on every event, caught when the standard is checked:
/// `duration('72 h')`, `timestamp('2026-13-01')`, `name.matches('(')`.
extension Checker {
  mutating func checkLiteralArguments(_ function: String, target: Expr?, args: [Expr]) {
    let literal: Expr?
    switch (function, target, args.count) {
    case ("duration", nil, 1), ("timestamp", nil, 1): literal = args[0]
    case ("matches", .some, 1): literal = args[0]
    case ("matches", nil, 2): literal = args[1]
    default: literal = nil
    }
    guard let literal, case .literal(.string(let text)) = literal.kind else { return }
    let failure: EvalError?
    switch function {
    case "duration": failure = CELDuration.parse(text).failure
    case "timestamp": failure = Timestamp.parse(text).failure
    default: failure = Regex.compile(text).failure
    }
    if let failure { report(.error, "cel.invalid_literal", failure.message, at: literal) }
  }
}

extension Result {
  /// The error of a failed result, nil on success.
  fileprivate var failure: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }
}
