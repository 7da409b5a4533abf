/// One lexical token of a CEL expression.
struct Token: Sendable {
  /// What kind of token it is; literal payloads live in ``value`` and ``text``.
  enum Kind: Sendable, Equatable {
    case int, uint, double, string, bytes, ident
    case lParen, rParen, lBracket, rBracket, lBrace, rBrace
    case dot, comma, colon, question
    case plus, minus, star, slash, percent, bang
    case equal, notEqual, less, lessEqual, greater, greaterEqual, and, or
    case trueKeyword, falseKeyword, nullKeyword, inKeyword
    /// A reserved word (`if`, `let`, ...): legal only as a field or method name.
    case reserved
    case end
    /// Text the lexer could not read; it has already reported why.
    case invalid
  }

  var kind: Kind
  /// Offset of the first scalar.
  var offset: Int
  /// Offset just past the last scalar.
  var endOffset: Int
  /// An identifier's name, a reserved word, or a backtick-quoted name (``quoted`` set).
  var text: String = ""
  /// True for a backtick-quoted identifier such as `` `foo.txt` ``.
  var quoted: Bool = false
  /// The literal value of a string, bytes, uint or double token.
  var value: Value? = nil
  /// The magnitude of an int literal; nil when it does not fit in 64 bits.
  var magnitude: UInt64? = nil

  /// How the token reads in a message: `')'`, `identifier 'foo'`, `end of expression`.
  var description: String {
    switch kind {
    case .int, .uint, .double: "number"
    case .string: "string"
    case .bytes: "bytes"
    case .ident, .reserved: "'\(text)'"
    case .end: "end of expression"
    case .invalid: "invalid text"
    default: "'\(Token.spelling(kind))'"
    }
  }

  /// The source text of a punctuation or keyword kind.
  static func spelling(_ kind: Kind) -> String {
    switch kind {
    case .lParen: "("
    case .rParen: ")"
    case .lBracket: "["
    case .rBracket: "]"
    case .lBrace: "{"
    case .rBrace: "}"
    case .dot: "."
    case .comma: ","
    case .colon: ":"
    case .question: "?"
    case .plus: "+"
    case .minus: "-"
    case .star: "*"
    case .slash: "/"
    case .percent: "%"
    case .bang: "!"
    case .equal: "=="
    case .notEqual: "!="
    case .less: "<"
    case .lessEqual: "<="
    case .greater: ">"
    case .greaterEqual: ">="
    case .and: "&&"
    case .or: "||"
    case .trueKeyword: "true"
    case .falseKeyword: "false"
    case .nullKeyword: "null"
    case .inKeyword: "in"
    default: "\(kind)"
    }
  }

  /// Words CEL reserves: they cannot name variables or functions, only fields and methods.
  static let reservedWords: Set<String> = [
    "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let",
    "loop", "package", "namespace", "return", "var", "void", "while",
  ]
}
