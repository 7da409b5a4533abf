/// Splits CEL source into tokens, decoding every literal form of the cel-spec grammar.
///
/// Works on Unicode scalars, so offsets are the scalar offsets diagnostics report.
/// Problems become `cel.syntax` diagnostics and `.invalid` tokens; lexing always finishes.
struct Lexer {
  private let source: SourceText
  private var scalars: [Unicode.Scalar] { source.scalars }
  private var position = 0
  /// Problems found so far.
  private(set) var diagnostics: [CELDiagnostic] = []

  init(_ source: SourceText) {
    self.source = source
  }

  /// Every token of the source, ending with `.end`.
  mutating func tokenize() -> [Token] {
    var tokens: [Token] = []
    while true {
      let token = next()
      tokens.append(token)
      if token.kind == .end { return tokens }
    }
  }

  private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
    let i = position + ahead
    return i < scalars.count ? scalars[i] : nil
  }

  private mutating func error(_ message: String, at offset: Int) {
    diagnostics.append(source.diagnostic(.error, "cel.syntax", message, at: offset))
  }

  private mutating func skipTrivia() {
    while let s = peek() {
      switch s {
      case " ", "\t", "\n", "\r", "\u{0C}":
        position += 1
      case "/" where peek(1) == "/":
        while let c = peek(), c != "\n" { position += 1 }
      default:
        return
      }
    }
  }

  private mutating func next() -> Token {
    skipTrivia()
    let start = position
    guard let s = peek() else { return Token(kind: .end, offset: start, endOffset: start) }
    if isDigit(s) || (s == "." && peek(1).map(isDigit) == true) { return number() }
    if s == "`" { return quotedIdentifier() }
    if isIdentStart(s) {
      if let quote = stringPrefixQuote() { return string(from: start, quoteAt: quote) }
      return identifier()
    }
    if s == "\"" || s == "'" { return string(from: start, quoteAt: start) }
    return punctuation(s)
  }

  private mutating func punctuation(_ s: Unicode.Scalar) -> Token {
    let start = position
    let two: Token.Kind? =
      switch (s, peek(1)) {
      case ("=", "="): .equal
      case ("!", "="): .notEqual
      case ("<", "="): .lessEqual
      case (">", "="): .greaterEqual
      case ("&", "&"): .and
      case ("|", "|"): .or
      default: nil
      }
    if let two {
      position += 2
      return Token(kind: two, offset: start, endOffset: position)
    }
    position += 1
    let one: Token.Kind? =
      switch s {
      case "(": .lParen
      case ")": .rParen
      case "[": .lBracket
      case "]": .rBracket
      case "{": .lBrace
      case "}": .rBrace
      case ".": .dot
      case ",": .comma
      case ":": .colon
      case "?": .question
      case "+": .plus
      case "-": .minus
      case "*": .star
      case "/": .slash
      case "%": .percent
      case "!": .bang
      case "<": .less
      case ">": .greater
      default: nil
      }
    if let one { return Token(kind: one, offset: start, endOffset: position) }
    let hint =
      switch s {
      case "=": "; did you mean '=='?"
      case "&": "; did you mean '&&'?"
      case "|": "; did you mean '||'?"
      default: ""
      }
    error("unexpected character '\(s.escaped(asASCII: false))'\(hint)", at: start)
    return Token(kind: .invalid, offset: start, endOffset: position)
  }

  // MARK: Identifiers

  private mutating func identifier() -> Token {
    let start = position
    while let s = peek(), isIdentStart(s) || isDigit(s) { position += 1 }
    let text = source.text(from: start, to: position)
    let kind: Token.Kind =
      switch text {
      case "true": .trueKeyword
      case "false": .falseKeyword
      case "null": .nullKeyword
      case "in": .inKeyword
      default: Token.reservedWords.contains(text) ? .reserved : .ident
      }
    return Token(kind: kind, offset: start, endOffset: position, text: text)
  }

  private mutating func quotedIdentifier() -> Token {
    let start = position
    position += 1
    while let s = peek(), s != "`", s != "\n" { position += 1 }
    guard peek() == "`" else {
      error("unterminated quoted name; expected '`'", at: start)
      return Token(kind: .invalid, offset: start, endOffset: position)
    }
    let text = source.text(from: start + 1, to: position)
    position += 1
    if text.isEmpty {
      error("empty quoted name", at: start)
      return Token(kind: .invalid, offset: start, endOffset: position)
    }
    return Token(kind: .ident, offset: start, endOffset: position, text: text, quoted: true)
  }

  // MARK: Numbers

  private mutating func number() -> Token {
    let start = position
    if peek() == "0", peek(1) == "x" || peek(1) == "X", peek(2).map(isHexDigit) == true {
      position += 2
      let digitsStart = position
      while let s = peek(), isHexDigit(s) { position += 1 }
      return integer(start: start, digits: source.text(from: digitsStart, to: position), radix: 16)
    }
    while let s = peek(), isDigit(s) { position += 1 }
    var isDouble = false
    if peek() == ".", peek(1).map(isDigit) == true {
      isDouble = true
      position += 1
      while let s = peek(), isDigit(s) { position += 1 }
    }
    if peek() == "e" || peek() == "E" {
      var i = 1
      if peek(1) == "+" || peek(1) == "-" { i = 2 }
      if peek(i).map(isDigit) == true {
        isDouble = true
        position += i
        while let s = peek(), isDigit(s) { position += 1 }
      }
    }
    let text = source.text(from: start, to: position)
    if isDouble {
      guard let value = Double(text) else {
        error("invalid double literal '\(text)'", at: start)
        return Token(kind: .invalid, offset: start, endOffset: position)
      }
      return Token(kind: .double, offset: start, endOffset: position, value: .double(value))
    }
    return integer(start: start, digits: text, radix: 10)
  }

  private mutating func integer(start: Int, digits: String, radix: Int) -> Token {
    let magnitude = UInt64(digits, radix: radix)
    if peek() == "u" || peek() == "U" {
      position += 1
      guard let magnitude else {
        error("uint literal '\(source.text(from: start, to: position))' is out of range", at: start)
        return Token(kind: .invalid, offset: start, endOffset: position)
      }
      return Token(kind: .uint, offset: start, endOffset: position, value: .uint(magnitude))
    }
    return Token(kind: .int, offset: start, endOffset: position, magnitude: magnitude)
  }

  // MARK: Strings and bytes

  /// When the identifier at the cursor is a string prefix (`r`, `b`, `rb`, `Br`, ...)
  /// directly followed by a quote, the offset of that quote.
  private func stringPrefixQuote() -> Int? {
    var seenRaw = false
    var seenBytes = false
    for i in position..<min(position + 3, scalars.count) {
      switch scalars[i] {
      case "\"", "'": return i > position ? i : nil
      case "r" where !seenRaw, "R" where !seenRaw: seenRaw = true
      case "b" where !seenBytes, "B" where !seenBytes: seenBytes = true
      default: return nil
      }
    }
    return nil
  }

  private mutating func string(from start: Int, quoteAt quoteOffset: Int) -> Token {
    var raw = false
    var isBytes = false
    for s in scalars[start..<quoteOffset] {
      if s == "r" || s == "R" { raw = true } else { isBytes = true }
    }
    position = quoteOffset
    let quote = scalars[quoteOffset]
    let triple = peek(1) == quote && peek(2) == quote
    position += triple ? 3 : 1
    var decoder = LiteralDecoder(isBytes: isBytes)
    while true {
      guard let s = peek() else {
        error("unterminated \(isBytes ? "bytes" : "string") literal", at: start)
        return Token(kind: .invalid, offset: start, endOffset: position)
      }
      if s == quote && (!triple || (peek(1) == quote && peek(2) == quote)) {
        position += triple ? 3 : 1
        break
      }
      if !triple && (s == "\n" || s == "\r") {
        error(
          "unterminated \(isBytes ? "bytes" : "string") literal; a newline needs '\\n' or triple quotes",
          at: start)
        return Token(kind: .invalid, offset: start, endOffset: position)
      }
      if s == "\\" && !raw {
        let escapeStart = position
        position += 1
        if let message = escape(into: &decoder) {
          error(message, at: escapeStart)
          decoder.failed = true
        }
      } else {
        decoder.append(s)
        position += 1
      }
    }
    if decoder.failed { return Token(kind: .invalid, offset: start, endOffset: position) }
    let value: Value = isBytes ? .bytes(decoder.bytes) : .string(String(decoder.text))
    return Token(kind: isBytes ? .bytes : .string, offset: start, endOffset: position, value: value)
  }

  /// Decodes one escape after its backslash; returns a message when it is invalid.
  private mutating func escape(into decoder: inout LiteralDecoder) -> String? {
    guard let s = peek() else { return "unterminated escape sequence" }
    position += 1
    let simple: Unicode.Scalar? =
      switch s {
      case "a": "\u{07}"
      case "b": "\u{08}"
      case "f": "\u{0C}"
      case "n": "\n"
      case "r": "\r"
      case "t": "\t"
      case "v": "\u{0B}"
      case "\\", "'", "\"", "`", "?": s
      default: nil
      }
    if let simple {
      decoder.append(simple)
      return nil
    }
    switch s {
    case "0"..."3":
      guard let a = peek(), let b = peek(1), ("0"..."7").contains(a), ("0"..."7").contains(b) else {
        return "invalid octal escape; expected three octal digits such as '\\012'"
      }
      position += 2
      let code = (s.value - 48) * 64 + (a.value - 48) * 8 + (b.value - 48)
      decoder.appendCode(code)
      return nil
    case "x", "X":
      guard let code = hexDigits(2) else { return "invalid '\\\(s)' escape; expected two hex digits" }
      decoder.appendCode(code)
      return nil
    case "u", "U":
      let count = s == "u" ? 4 : 8
      if decoder.isBytes { return "'\\\(s)' escapes are not allowed in bytes literals" }
      guard let code = hexDigits(count) else {
        return "invalid '\\\(s)' escape; expected \(count) hex digits"
      }
      guard let scalar = Unicode.Scalar(code) else {
        return "invalid '\\\(s)' escape; U+\(String(code, radix: 16, uppercase: true)) is not a code point"
      }
      decoder.append(scalar)
      return nil
    default:
      return "invalid escape sequence '\\\(s.escaped(asASCII: false))'"
    }
  }

  private mutating func hexDigits(_ count: Int) -> UInt32? {
    var code: UInt32 = 0
    for i in 0..<count {
      guard let s = peek(i), let digit = hexValue(s) else { return nil }
      code = code * 16 + digit
    }
    position += count
    return code
  }
}

/// Collects the decoded content of a string or bytes literal.
private struct LiteralDecoder {
  let isBytes: Bool
  var text = String.UnicodeScalarView()
  var bytes: [UInt8] = []
  var failed = false

  init(isBytes: Bool) {
    self.isBytes = isBytes
  }

  /// Appends a scalar written as itself: its UTF-8 bytes in a bytes literal.
  mutating func append(_ s: Unicode.Scalar) {
    if isBytes { bytes.append(contentsOf: String(s).utf8) } else { text.append(s) }
  }

  /// Appends an octal or `\x` escape: a byte in a bytes literal, a code point in a string.
  mutating func appendCode(_ code: UInt32) {
    if isBytes {
      bytes.append(UInt8(truncatingIfNeeded: code))
    } else if let s = Unicode.Scalar(code) {
      text.append(s)
    }
  }
}

/// An ASCII digit.
func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

private func isHexDigit(_ s: Unicode.Scalar) -> Bool { hexValue(s) != nil }

private func hexValue(_ s: Unicode.Scalar) -> UInt32? {
  switch s {
  case "0"..."9": s.value - 48
  case "a"..."f": s.value - 87
  case "A"..."F": s.value - 55
  default: nil
  }
}

/// A scalar that may start an identifier (digits may follow it).
func isIdentStart(_ s: Unicode.Scalar) -> Bool {
  ("a"..."z").contains(s) || ("A"..."Z").contains(s) || s == "_"
}
