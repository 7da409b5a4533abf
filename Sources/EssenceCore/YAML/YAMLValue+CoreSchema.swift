extension YAMLValue {
  /// Resolves a plain scalar's text by the YAML 1.2 core schema: only `true`/`false` (any
  /// of three casings) are booleans, so `on`, `yes` and `no` stay strings.
  public static func resolvePlain(_ text: String) -> YAMLValue {
    // Most plain scalars are words; only these first characters can start a non-string.
    guard let first = text.utf8.first else { return .null }
    switch first {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
      UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
      UInt8(ascii: "f"), UInt8(ascii: "F"):
      break
    default:
      return .string(text)
    }
    switch text {
    case "", "~", "null", "Null", "NULL": return .null
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    case ".nan", ".NaN", ".NAN": return .double(.nan)
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
    case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
    default: break
    }
    if let value = integer(text) { return value }
    if isCoreFloat(text), let d = Double(text) { return .double(d) }
    return .string(text)
  }

  /// Resolves a scalar under an explicit core tag (`!!int 5`), or nil when the text does not
  /// fit the tag.
  static func resolve(_ text: String, tag: String) -> YAMLValue? {
    let resolved = resolvePlain(text)
    switch (tag, resolved) {
    case ("tag:yaml.org,2002:str", _): return .string(text)
    case ("tag:yaml.org,2002:null", .null), ("tag:yaml.org,2002:bool", .bool), ("tag:yaml.org,2002:int", .int),
      ("tag:yaml.org,2002:float", .double):
      return resolved
    case ("tag:yaml.org,2002:float", .int(let i)): return .double(Double(i))
    default: return nil
    }
  }

  /// A core-schema integer (`[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`); beyond 64 bits a decimal becomes a double.
  private static func integer(_ text: String) -> YAMLValue? {
    if text.hasPrefix("0o") || text.hasPrefix("0x") {
      let digits = text.dropFirst(2)
      guard !digits.isEmpty, let v = Int64(digits, radix: text.hasPrefix("0o") ? 8 : 16) else { return nil }
      return .int(v)
    }
    let body = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
    guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    if let v = Int64(text.first == "+" ? String(body) : text) { return .int(v) }
    return Double(text).map { .double($0) }
  }

  /// True for a core-schema float: `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`.
  private static func isCoreFloat(_ text: String) -> Bool {
    var chars = Array(text.utf8)[...]
    if let c = chars.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") { chars = chars.dropFirst() }
    func digits() -> Int {
      var n = 0
      while let c = chars.first, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
        chars = chars.dropFirst()
        n += 1
      }
      return n
    }
    let whole = digits()
    var fraction = 0
    if chars.first == UInt8(ascii: ".") {
      chars = chars.dropFirst()
      fraction = digits()
      if whole == 0 && fraction == 0 { return false }
    } else if whole == 0 {
      return false
    }
    if let c = chars.first, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
      chars = chars.dropFirst()
      if let s = chars.first, s == UInt8(ascii: "-") || s == UInt8(ascii: "+") { chars = chars.dropFirst() }
      if digits() == 0 { return false }
    }
    return chars.isEmpty
  }
}
