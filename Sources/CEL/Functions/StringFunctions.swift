/// CEL's string functions and those of the strings extension (`charAt`, `indexOf`, `replace`,
/// `split`, `substring`, `trim`, `join`, ...). Positions count code points, as in CEL;
/// comparisons are by code point, never by Unicode canonical equivalence.
enum StringFunctions {
  static func contains(_ s: Value, _ sub: Value) -> Value {
    guard case .string(let text) = s, case .string(let part) = sub else { return Value.noOverload("contains", s, sub) }
    return .bool(
      Value.withUTF8(text, part) { a, b in
        guard b.count > 0 else { return true }
        guard a.count >= b.count else { return false }
        for start in 0...(a.count - b.count) where a[start] == b[0] {
          if Value.bytesEqual(UnsafeBufferPointer(rebasing: a[start...]), b, count: b.count) { return true }
        }
        return false
      })
  }

  static func startsWith(_ s: Value, _ prefix: Value) -> Value {
    guard case .string(let text) = s, case .string(let p) = prefix else {
      return Value.noOverload("startsWith", s, prefix)
    }
    return .bool(Value.withUTF8(text, p) { Value.utf8($0, startsWith: $1) })
  }

  static func endsWith(_ s: Value, _ suffix: Value) -> Value {
    guard case .string(let text) = s, case .string(let p) = suffix else {
      return Value.noOverload("endsWith", s, suffix)
    }
    return .bool(
      Value.withUTF8(text, p) { a, b in
        a.count >= b.count
          && Value.bytesEqual(UnsafeBufferPointer(rebasing: a[(a.count - b.count)...]), b, count: b.count)
      })
  }

  /// `s.matches(re)` with a pattern known only at run time (literal patterns compile once).
  static func matches(_ s: Value, _ pattern: Value) -> Value {
    guard case .string(let text) = s, case .string(let p) = pattern else {
      return Value.noOverload("matches", s, pattern)
    }
    switch RegexCache.shared.regex(p) {
    case .success(let regex): return .bool(regex.matches(text))
    case .failure(let error): return .error(error)
    }
  }

  static func lowerAscii(_ s: Value) -> Value {
    guard case .string(let text) = s else { return Value.noOverload("lowerAscii", s) }
    return .string(mapASCII(text) { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 })
  }

  static func upperAscii(_ s: Value) -> Value {
    guard case .string(let text) = s else { return Value.noOverload("upperAscii", s) }
    return .string(mapASCII(text) { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 })
  }

  private static func mapASCII(_ text: String, _ transform: (UInt8) -> UInt8) -> String {
    String(decoding: text.utf8.map(transform), as: UTF8.self)
  }

  /// `s.trim()`: removes leading and trailing white space as Unicode defines it.
  static func trim(_ s: Value) -> Value {
    guard case .string(let text) = s else { return Value.noOverload("trim", s) }
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isSpace($0) }),
      let last = scalars.lastIndex(where: { !isSpace($0) })
    else { return .string("") }
    return .string(String(scalars[first...last]))
  }

  /// Go's `unicode.IsSpace`, which cel-go's `trim` uses.
  private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
  }

  static func reverse(_ s: Value) -> Value {
    guard case .string(let text) = s else { return Value.noOverload("reverse", s) }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: text.unicodeScalars.reversed())
    return .string(String(out))
  }

  /// `s.split(sep, n)`: as Go's `strings.SplitN` (n < 0: all parts; 0: none; an empty
  /// separator splits into code points).
  static func split(_ s: Value, _ separator: Value, _ limit: Value) -> Value {
    guard case .string(let text) = s, case .string(let sep) = separator, case .int(let n) = limit else {
      return Value.noOverload("split", s, separator, limit)
    }
    if n == 0 { return .list([]) }
    let scalars = Array(text.unicodeScalars)
    let sepScalars = Array(sep.unicodeScalars)
    var parts: [Value] = []
    var start = 0
    if sepScalars.isEmpty {
      while start < scalars.count {
        if n > 0, parts.count == n - 1 { break }
        parts.append(.string(string(scalars[start..<start + 1])))
        start += 1
      }
      if start < scalars.count { parts.append(.string(string(scalars[start...]))) }
      return .list(parts)
    }
    while n < 0 || parts.count < n - 1, let at = scalars[start...].firstRange(of: sepScalars)?.lowerBound {
      parts.append(.string(string(scalars[start..<at])))
      start = at + sepScalars.count
    }
    parts.append(.string(string(scalars[start...])))
    return .list(parts)
  }

  /// `strings.quote(s)`: the string as a double-quoted CEL literal, with escapes for control
  /// characters, backslashes and double quotes.
  static func quote(_ s: Value) -> Value {
    guard case .string(let text) = s else { return Value.noOverload("strings.quote", s) }
    return .string(Value.quoted(text, delimiter: "\""))
  }

  /// `list.join(sep)`: a list of strings joined.
  static func join(_ list: Value, _ separator: Value) -> Value {
    guard case .list(let items) = list, case .string(let sep) = separator else {
      return Value.noOverload("join", list, separator)
    }
    var texts: [String] = []
    for item in items {
      guard case .string(let text) = item else {
        return .error(EvalError("join applies to a list of strings, not one holding \(item.typeName)"))
      }
      texts.append(text)
    }
    return .string(texts.joined(separator: sep))
  }

  static func charAt(_ s: Value, _ index: Value) -> Value {
    guard case .string(let text) = s, case .int(let i) = index else { return Value.noOverload("charAt", s, index) }
    let scalars = Array(text.unicodeScalars)
    guard i >= 0, i <= scalars.count else { return outOfRange(i) }
    return .string(i == scalars.count ? "" : string(scalars[Int(i)...Int(i)]))
  }

  static func indexOf(_ s: Value, _ sub: Value, _ from: Value?) -> Value {
    guard case .string(let text) = s, case .string(let part) = sub, let start = intArgument(from, default: 0) else {
      return Value.noOverload("indexOf", arguments: [s, sub] + (from.map { [$0] } ?? []))
    }
    let scalars = Array(text.unicodeScalars)
    guard start >= 0, start <= scalars.count else { return outOfRange(start) }
    return .int(Int64(scalars[Int(start)...].firstRange(of: Array(part.unicodeScalars))?.lowerBound ?? -1))
  }

  static func lastIndexOf(_ s: Value, _ sub: Value, _ from: Value?) -> Value {
    guard case .string(let text) = s, case .string(let part) = sub,
      let last = intArgument(from, default: Int64(text.unicodeScalars.count))
    else {
      return Value.noOverload("lastIndexOf", arguments: [s, sub] + (from.map { [$0] } ?? []))
    }
    let scalars = Array(text.unicodeScalars)
    let needle = Array(part.unicodeScalars)
    guard last >= 0, last <= scalars.count else { return outOfRange(last) }
    var at = min(Int(last), scalars.count - needle.count)
    while at >= 0 {
      if scalars[at..<at + needle.count].elementsEqual(needle) { return .int(Int64(at)) }
      at -= 1
    }
    return .int(-1)
  }

  static func substring(_ s: Value, _ from: Value, _ to: Value?) -> Value {
    guard case .string(let text) = s, case .int(let start) = from,
      let end = intArgument(to, default: Int64(text.unicodeScalars.count))
    else {
      return Value.noOverload("substring", arguments: [s, from] + (to.map { [$0] } ?? []))
    }
    let scalars = Array(text.unicodeScalars)
    guard start >= 0, start <= scalars.count else { return outOfRange(start) }
    guard end >= 0, end <= scalars.count else { return outOfRange(end) }
    guard start <= end else { return .error(EvalError("invalid substring range: start \(start) is after end \(end)")) }
    return .string(string(scalars[Int(start)..<Int(end)]))
  }

  /// `s.replace(old, new, n)`: the first n occurrences (all when n < 0).
  static func replace(_ s: Value, _ old: Value, _ new: Value, _ limit: Value) -> Value {
    guard case .string(let text) = s, case .string(let target) = old, case .string(let replacement) = new,
      case .int(let n) = limit
    else { return Value.noOverload("replace", s, old, new, limit) }
    let scalars = Array(text.unicodeScalars)
    let needle = Array(target.unicodeScalars)
    var out = String.UnicodeScalarView()
    var start = 0
    var done: Int64 = 0
    while n < 0 || done < n {
      if needle.isEmpty {
        // Go inserts the replacement before every code point and at the end.
        out.append(contentsOf: replacement.unicodeScalars)
        guard start < scalars.count else {
          start = scalars.count + 1
          break
        }
        out.append(scalars[start])
        start += 1
      } else {
        guard let at = scalars[start...].firstRange(of: needle)?.lowerBound else { break }
        out.append(contentsOf: scalars[start..<at])
        out.append(contentsOf: replacement.unicodeScalars)
        start = at + needle.count
      }
      done += 1
    }
    if start <= scalars.count { out.append(contentsOf: scalars[start...]) }
    return .string(String(out))
  }

  private static func intArgument(_ v: Value?, default value: Int64) -> Int64? {
    guard let v else { return value }
    if case .int(let i) = v { return i }
    return nil
  }

  private static func outOfRange(_ i: Int64) -> Value {
    .error(EvalError("index out of range: \(i)"))
  }

  private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }
}
