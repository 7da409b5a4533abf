/// Member access, calls, indexing, literals and aggregate literals.
extension Parser {
  /// `Member = Primary { '.' IDENT ['(' [ExprList] ')'] | '[' Expr ']' }`
  mutating func member() -> Expr {
    var operand = primary()
    let outerDepth = depth
    defer { depth = outerDepth }
    while true {
      depth += 1
      if tooDeep() { return operand }
      switch current.kind {
      case .dot:
        advance()
        guard current.kind == .ident || current.kind == .reserved else {
          let optional = current.kind == .question
          error(
            optional ? "optional field selection '.?' is not supported" : "expected a field or method name after '.'",
            at: current)
          return operand
        }
        let name = advance()
        if current.kind == .lParen && !name.quoted {
          let (args, end) = arguments(of: name.text)
          operand = memberCall(name.text, target: operand, args: args, from: operand.offset, to: end)
        } else {
          operand = node(
            .select(operand: operand, field: name.text, testOnly: false), from: operand.offset,
            to: name.endOffset)
        }
      case .lBracket:
        advance()
        let key = expression()
        let end = expect(.rBracket, "after index")
        operand = call("_[_]", [operand, key], from: operand.offset, to: end)
      default:
        return operand
      }
    }
  }

  /// The arguments of a call, from its '(' through its ')', and the end offset.
  private mutating func arguments(of function: String) -> ([Expr], Int) {
    advance()
    let context = "after arguments to '\(function)'"
    let args = list(closing: .rParen, context: context)
    return (args, expect(.rParen, context))
  }

  /// Comma-separated expressions up to (not including) `closing`, allowing a trailing
  /// comma; on a malformed element it skips to the next comma or the closing token.
  private mutating func list(closing: Token.Kind, context: String) -> [Expr] {
    var items: [Expr] = []
    while current.kind != closing && current.kind != .end {
      items.append(expression())
      if accept(.comma) { continue }
      if current.kind != closing && current.kind != .end {
        error("expected ',' or '\(Token.spelling(closing))' \(context)", at: current)
        if !skip(to: closing) { break }
      }
    }
    return items
  }

  /// Skips tokens (balancing brackets) to the next ',' at this level, consuming it, or to
  /// `closing`; false when the end of the source came first.
  private mutating func skip(to closing: Token.Kind) -> Bool {
    var nesting = 0
    while current.kind != .end {
      switch current.kind {
      case .lParen, .lBracket, .lBrace: nesting += 1
      case .rParen, .rBracket, .rBrace:
        if nesting == 0 { return current.kind == closing }
        nesting -= 1
      case .comma where nesting == 0:
        advance()
        return true
      default: break
      }
      advance()
    }
    return false
  }

  /// `Primary`: a literal, a name or global call, `( Expr )`, a list or a map.
  private mutating func primary() -> Expr {
    // The lexer reported invalid text already: a bad literal stands for itself, a stray
    // character is passed over (`a === 3` reads `a == 3`).
    while current.kind == .invalid {
      let invalid = advance()
      if !Parser.primaryStarts.contains(current.kind) { return errorNode(at: invalid.offset) }
    }
    let token = current
    switch token.kind {
    case .int:
      advance()
      guard let magnitude = token.magnitude, magnitude <= UInt64(Int64.max) else {
        intOutOfRange(token, negative: false)
        return errorNode(at: token.offset)
      }
      return node(.literal(.int(Int64(magnitude))), from: token.offset, to: token.endOffset)
    case .uint, .double, .string, .bytes:
      advance()
      return node(.literal(token.value ?? .null), from: token.offset, to: token.endOffset)
    case .trueKeyword, .falseKeyword:
      advance()
      return node(.literal(.bool(token.kind == .trueKeyword)), from: token.offset, to: token.endOffset)
    case .nullKeyword:
      advance()
      return node(.literal(.null), from: token.offset, to: token.endOffset)
    case .dot where peekKind(1) == .ident:
      advance()
      return name(startingAt: token.offset)
    case .ident:
      return name(startingAt: token.offset)
    case .reserved:
      advance()
      error("'\(token.text)' is a reserved word and cannot be used as a name", at: token)
      return errorNode(at: token.offset)
    case .lParen:
      advance()
      let inner = expression()
      expect(.rParen, "to close '('")
      return inner
    case .lBracket:
      advance()
      let items = list(closing: .rBracket, context: "after list elements")
      let end = expect(.rBracket, "after list elements")
      return node(.list(items), from: token.offset, to: end)
    case .lBrace:
      return mapLiteral()
    default:
      // Left in place: an operator, bracket or comma is consumed by the rule it belongs to.
      error("expected an expression, found \(token.description)", at: token)
      return errorNode(at: token.offset)
    }
  }

  /// The tokens a primary expression can start with.
  private static let primaryStarts: Set<Token.Kind> = [
    .int, .uint, .double, .string, .bytes, .ident, .reserved, .trueKeyword, .falseKeyword, .nullKeyword, .lParen,
    .lBracket, .lBrace, .dot, .invalid,
  ]

  /// An identifier, or a global call when '(' follows.
  private mutating func name(startingAt offset: Int) -> Expr {
    let token = advance()
    if token.quoted {
      error("quoted names such as `\(token.text)` may only follow '.'", at: token)
      return errorNode(at: token.offset)
    }
    if current.kind == .lParen {
      let (args, end) = arguments(of: token.text)
      return globalCall(token.text, args: args, from: offset, to: end)
    }
    if current.kind == .lBrace {
      error("message construction '\(token.text){...}' is not supported", at: current)
    }
    return node(.ident(token.text), from: offset, to: token.endOffset)
  }

  /// `'{' [Expr ':' Expr {',' Expr ':' Expr}] [','] '}'`
  private mutating func mapLiteral() -> Expr {
    let start = advance().offset
    var entries: [Expr.MapEntry] = []
    while current.kind != .rBrace && current.kind != .end {
      let key = expression()
      expect(.colon, "after map key")
      let value = expression()
      entries.append(Expr.MapEntry(key: key, value: value))
      if accept(.comma) { continue }
      if current.kind != .rBrace && current.kind != .end {
        error("expected ',' or '}' after map entry", at: current)
        if !skip(to: .rBrace) { break }
      }
    }
    let end = expect(.rBrace, "after map entries")
    return node(.map(entries), from: start, to: end)
  }
}
