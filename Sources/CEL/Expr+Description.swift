/// Prints a tree back as CEL source, with only the parentheses precedence needs, so
/// explanations can quote any sub-expression (macros print as the call that wrote them).
extension Expr {
  /// The node as CEL text, e.g. `event.rings <= 3 && has(event.note)`.
  public var sourceDescription: String {
    var out = ""
    ExprPrinter.write(self, into: &out)
    return out
  }

  /// `x` from the arguments `(@result, [x])` of a list append.
  static func appendedElement(_ args: [Expr]) -> Expr? {
    guard args.count == 2, case .list(let items) = args[1].kind, items.count == 1 else { return nil }
    return items[0]
  }
}

private enum ExprPrinter {
  /// Binding strength of each operator: higher binds tighter.
  static func precedence(_ expr: Expr) -> Int {
    switch expr.kind {
    case .call(let function, nil, let args):
      return function == "!_" || function == "-_" ? (args.count == 1 ? 7 : 8) : precedence(ofOperator: function)
    case .literal(.int(let i)) where i < 0: return 7
    case .literal(.double(let d)) where d < 0 || (d == 0 && d.sign == .minus): return 7
    default: return 8
    }
  }

  static func precedence(ofOperator function: String) -> Int {
    function == "_?_:_" ? 1 : infix[function]?.precedence ?? 8
  }

  /// The binary operators, as the parser's levels have them: their spelling, and a precedence
  /// from 2 (`||`, just above `?:`) up.
  static let infix: [String: (spelling: String, precedence: Int)] = {
    var table: [String: (spelling: String, precedence: Int)] = [:]
    for (level, operators) in Parser.levels.enumerated() {
      for (kind, function) in operators { table[function] = (Token.spelling(kind), level + 2) }
    }
    return table
  }()

  static func write(_ expr: Expr, into out: inout String, atLeast minimum: Int) {
    if precedence(expr) < minimum {
      out += "("
      write(expr, into: &out)
      out += ")"
    } else {
      write(expr, into: &out)
    }
  }

  static func write(_ expr: Expr, into out: inout String) {
    switch expr.kind {
    case .literal(let value):
      writeLiteral(value, into: &out)
    case .ident(let name):
      out += name
    case .select(let operand, let field, let testOnly):
      if testOnly { out += "has(" }
      write(operand, into: &out, atLeast: 8)
      out += "." + quotedField(field)
      if testOnly { out += ")" }
    case .call(let function, let target, let args):
      writeCall(function, target: target, args: args, into: &out)
    case .list(let items):
      out += "["
      writeList(items, into: &out)
      out += "]"
    case .map(let entries):
      out += "{"
      for (i, entry) in entries.enumerated() {
        if i > 0 { out += ", " }
        write(entry.key, into: &out)
        out += ": "
        write(entry.value, into: &out)
      }
      out += "}"
    case .comprehension(let c):
      write(c.iterRange, into: &out, atLeast: 8)
      out += ".\(c.macro)(\(c.iterVar)"
      for part in macroArguments(c) {
        out += ", "
        write(part, into: &out)
      }
      out += ")"
    }
  }

  static func writeCall(_ function: String, target: Expr?, args: [Expr], into out: inout String) {
    if let target {
      write(target, into: &out, atLeast: 8)
      out += ".\(function)("
      writeList(args, into: &out)
      out += ")"
      return
    }
    if let (op, level) = infix[function], args.count == 2 {
      write(args[0], into: &out, atLeast: level)
      out += " \(op) "
      write(args[1], into: &out, atLeast: level + 1)
    } else if function == "!_" || function == "-_", args.count == 1 {
      out += function == "!_" ? "!" : "-"
      // `-(1)` must not print as the literal `-1`.
      let isNumber: Bool
      switch args[0].kind {
      case .literal(.int), .literal(.double): isNumber = true
      default: isNumber = false
      }
      write(args[0], into: &out, atLeast: function == "-_" && isNumber ? 9 : 7)
    } else if function == "_?_:_", args.count == 3 {
      write(args[0], into: &out, atLeast: 2)
      out += " ? "
      write(args[1], into: &out, atLeast: 2)
      out += " : "
      write(args[2], into: &out, atLeast: 1)
    } else if function == "_[_]", args.count == 2 {
      write(args[0], into: &out, atLeast: 8)
      out += "["
      write(args[1], into: &out)
      out += "]"
    } else {
      out += "\(function)("
      writeList(args, into: &out)
      out += ")"
    }
  }

  static func writeList(_ items: [Expr], into out: inout String) {
    for (i, item) in items.enumerated() {
      if i > 0 { out += ", " }
      write(item, into: &out)
    }
  }

  /// The arguments after the variable that the macro call was written with, recovered
  /// from the expansion's step.
  static func macroArguments(_ c: Expr.Comprehension) -> [Expr] {
    guard case .call(let function, _, let args) = c.loopStep.kind else { return [] }
    switch (c.macro, function) {
    case ("all", "_&&_"), ("exists", "_||_"):
      return args.count == 2 ? [args[1]] : []
    case ("exists_one", "_?_:_"), ("filter", "_?_:_"):
      return args.first.map { [$0] } ?? []
    case ("map", "_+_"):
      return Expr.appendedElement(args).map { [$0] } ?? []
    case ("map", "_?_:_"):
      guard args.count == 3, case .call(_, _, let inner) = args[1].kind, let f = Expr.appendedElement(inner) else {
        return []
      }
      return [args[0], f]
    default:
      return []
    }
  }

  static func quotedField(_ field: String) -> String {
    let plain = field.unicodeScalars.enumerated().allSatisfy { i, s in isIdentStart(s) || (i > 0 && isDigit(s)) }
    return plain && !field.isEmpty ? field : "`\(field)`"
  }

  /// Literals as CEL source; strings and bytes in double quotes.
  static func writeLiteral(_ value: Value, into out: inout String) {
    switch value {
    case .null, .bool, .int, .uint, .double: out += value.description
    case .string(let s): out += Value.quoted(s, delimiter: "\"")
    case .bytes(let bytes): out += "b" + Value.quoted(bytes: bytes, delimiter: "\"")
    default: out += "<\(value)>"
    }
  }

}
