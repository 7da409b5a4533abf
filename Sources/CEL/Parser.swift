/// A recursive-descent parser for the CEL grammar (cel-spec langdef), producing ``Expr``
/// trees with cel-go's operator names and macros already expanded.
///
/// Precedence, loosest first: `?:`, `||`, `&&`, relations and `in`, `+ -`, `* / %`,
/// unary `! -`, then member access, indexing and calls. Errors are `cel.syntax`
/// diagnostics; the parser recovers at closing brackets and commas so one pass can
/// report more than one.
struct Parser {
  /// How deeply the tree may nest (parentheses, lists, calls, conditionals, operator
  /// chains) before the parser gives up, so hostile input cannot exhaust the stack of the
  /// recursive tree walks that follow (cel-go's default limit).
  static let maxDepth = 250

  let source: SourceText
  private let tokens: [Token]
  private var index = 0
  private var nextID = 1
  var depth = 0
  private(set) var diagnostics: [CELDiagnostic]
  private var lastErrorOffset = -1
  /// Set when nesting went too deep: the rest of the source is skipped, silently.
  private var abandoned = false

  init(_ text: String) {
    let source = SourceText(text)
    var lexer = Lexer(source)
    self.tokens = lexer.tokenize()
    self.source = source
    self.diagnostics = lexer.diagnostics
  }

  /// Parses the whole source; the tree is nil when any syntax error was found.
  mutating func parse() -> Expr? {
    let root = expression()
    if current.kind != .end {
      // Words from other languages: `a and b`, `a or b`, `not a`.
      let previous = index > 0 ? tokens[index - 1] : current
      let word = current.kind == .ident ? ["and": "&&", "or": "||"][current.text] : nil
      let hint = (word ?? (previous.kind == .ident && previous.text == "not" ? "!" : nil))
        .map { "did you mean '\($0)'?" }
      error(
        "unexpected \(current.description) after the end of the expression; \(hint ?? "expected an operator")",
        at: current)
    }
    diagnostics.sort { $0.offset < $1.offset }
    return diagnostics.contains { $0.severity == .error } ? nil : root
  }

  // MARK: Tokens and nodes

  var current: Token { tokens[index] }

  func peekKind(_ ahead: Int) -> Token.Kind {
    tokens[min(index + ahead, tokens.count - 1)].kind
  }

  @discardableResult
  mutating func advance() -> Token {
    let token = tokens[index]
    if token.kind != .end { index += 1 }
    return token
  }

  mutating func accept(_ kind: Token.Kind) -> Bool {
    guard current.kind == kind else { return false }
    advance()
    return true
  }

  /// Consumes `kind` or reports "expected 'kind' <context>"; the end offset of what was
  /// consumed (or of the previous token) lets the caller close its node either way.
  @discardableResult
  mutating func expect(_ kind: Token.Kind, _ context: String) -> Int {
    if current.kind == kind { return advance().endOffset }
    error("expected '\(Token.spelling(kind))' \(context)", at: current)
    return index > 0 ? tokens[index - 1].endOffset : 0
  }

  mutating func error(_ message: String, at token: Token) {
    // The lexer has already said what is wrong with an invalid token.
    guard token.kind != .invalid else { return }
    error(message, offset: token.offset)
  }

  /// Records a syntax error unless one was already reported at or after this offset,
  /// which keeps one mistake from cascading into several messages.
  mutating func error(_ message: String, offset: Int) {
    guard offset > lastErrorOffset, !abandoned else { return }
    lastErrorOffset = offset
    diagnostics.append(source.diagnostic(.error, "cel.syntax", message, at: offset))
  }

  mutating func node(_ kind: Expr.Kind, from offset: Int, to endOffset: Int) -> Expr {
    defer { nextID += 1 }
    return Expr(id: nextID, offset: offset, endOffset: endOffset, kind: kind)
  }

  mutating func call(_ function: String, _ args: [Expr], from offset: Int, to endOffset: Int) -> Expr {
    node(.call(function: function, target: nil, args: args), from: offset, to: endOffset)
  }

  /// A stand-in for a part that failed to parse, so parsing can continue.
  mutating func errorNode(at offset: Int) -> Expr {
    node(.ident("<error>"), from: offset, to: offset)
  }

  // MARK: Operators

  /// `Expr = ConditionalOr ['?' ConditionalOr ':' Expr]`
  mutating func expression() -> Expr {
    depth += 1
    defer { depth -= 1 }
    if tooDeep() { return errorNode(at: current.offset) }
    let condition = binary(level: 0)
    guard accept(.question) else { return condition }
    let then = binary(level: 0)
    expect(.colon, "in conditional expression after '?'")
    let otherwise = expression()
    return call("_?_:_", [condition, then, otherwise], from: condition.offset, to: otherwise.endOffset)
  }

  /// Past the depth limit: reports it once and skips the rest of the source.
  mutating func tooDeep() -> Bool {
    guard depth > Parser.maxDepth else { return false }
    error("expression nests more than \(Parser.maxDepth) levels deep", at: current)
    abandoned = true
    while current.kind != .end { advance() }
    return true
  }

  /// Binary operator levels from loosest to tightest; all are left-associative.
  static let levels: [[(Token.Kind, String)]] = [
    [(.or, "_||_")],
    [(.and, "_&&_")],
    [
      (.equal, "_==_"), (.notEqual, "_!=_"), (.less, "_<_"), (.lessEqual, "_<=_"),
      (.greater, "_>_"), (.greaterEqual, "_>=_"), (.inKeyword, "@in"),
    ],
    [(.plus, "_+_"), (.minus, "_-_")],
    [(.star, "_*_"), (.slash, "_/_"), (.percent, "_%_")],
  ]

  private mutating func binary(level: Int) -> Expr {
    guard level < Parser.levels.count else { return unary() }
    var left = binary(level: level + 1)
    let outerDepth = depth
    defer { depth = outerDepth }
    while let op = Parser.levels[level].first(where: { $0.0 == current.kind }) {
      // Each operator of a chain nests the tree one level deeper.
      depth += 1
      if tooDeep() { return errorNode(at: current.offset) }
      advance()
      let right = binary(level: level + 1)
      left = call(op.1, [left, right], from: left.offset, to: right.endOffset)
    }
    return left
  }

  /// `Unary = Member | '!' {'!'} Member | '-' {'-'} Member`, folding `-` into a directly
  /// following number literal so `-9223372036854775808` is a valid int.
  private mutating func unary() -> Expr {
    var ops: [Token] = []
    let outerDepth = depth
    defer { depth = outerDepth }
    while current.kind == .bang || current.kind == .minus {
      ops.append(advance())
      depth += 1
      if tooDeep() { return errorNode(at: current.offset) }
    }
    var operand: Expr
    if let last = ops.last, last.kind == .minus, let folded = negativeLiteral(minus: last) {
      ops.removeLast()
      operand = folded
    } else {
      operand = member()
    }
    for op in ops.reversed() {
      operand = call(op.kind == .bang ? "!_" : "-_", [operand], from: op.offset, to: operand.endOffset)
    }
    return operand
  }

  private mutating func negativeLiteral(minus: Token) -> Expr? {
    let next = peekKind(1)
    guard next != .dot, next != .lBracket else { return nil }
    let token = current
    switch token.kind {
    case .int:
      advance()
      let limit = UInt64(Int64.max) + 1
      guard let magnitude = token.magnitude, magnitude <= limit else {
        intOutOfRange(token, negative: true)
        return errorNode(at: minus.offset)
      }
      let value = magnitude == limit ? Int64.min : -Int64(magnitude)
      return node(.literal(.int(value)), from: minus.offset, to: token.endOffset)
    case .double:
      advance()
      guard case .double(let d) = token.value else { return nil }
      return node(.literal(.double(-d)), from: minus.offset, to: token.endOffset)
    default:
      return nil
    }
  }

  mutating func intOutOfRange(_ token: Token, negative: Bool) {
    let text = source.text(from: token.offset, to: token.endOffset)
    error("int literal '\(negative ? "-" : "")\(text)' is out of range", at: token)
  }
}
