import Foundation
import CEL

/// CEL values written the way a reader of a standards file would write them.
enum ValueText {
  /// `'lunch'`, `65`, `65.5`, `true`, `null`, `['a', 'b']`, `timestamp('2026-11-21T13:05:00Z')`.
  static func describe(_ value: Value) -> String {
    switch value {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .uint(let u): return "\(u)u"
    case .double(let d):
      if d.isFinite && d == d.rounded() && abs(d) < 1e15 { return String(format: "%.1f", d) }
      return "\(d)"
    case .string(let s): return quoted(s)
    case .bytes(let b): return "b'" + b.map { String(format: "\\x%02x", $0) }.joined() + "'"
    case .list(let items): return "[" + items.map(describe).joined(separator: ", ") + "]"
    case .map(let map):
      return "{" + map.entries.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ") + "}"
    case .timestamp(let t): return "timestamp('\(rfc3339(t))')"
    case .duration(let d): return "duration('\(durationText(nanos: d.seconds * 1_000_000_000 + Int64(d.nanos)))')"
    case .type(let t): return "\(t)"
    case .record: return "{...}"
    case .error(let e): return "error(\(e.message))"
    }
  }

  /// A field's value, or "absent".
  static func describe(_ value: Value?) -> String { value.map(describe) ?? "absent" }

  /// The CEL kind of a value, for "expected a bool, got int".
  static func kindName(_ value: Value) -> String {
    switch value {
    case .null: "null"
    case .bool: "bool"
    case .int: "int"
    case .uint: "uint"
    case .double: "double"
    case .string: "string"
    case .bytes: "bytes"
    case .list: "list"
    case .map, .record: "map"
    case .timestamp: "timestamp"
    case .duration: "duration"
    case .type: "type"
    case .error: "error"
    }
  }

  /// A string in single quotes with quotes, backslashes and control characters escaped.
  static func quoted(_ s: String) -> String {
    var out = "'"
    for scalar in s.unicodeScalars {
      switch scalar {
      case "'": out += "\\'"
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "'"
  }

  /// Go-style duration text: `1h`, `72h`, `10m`, `1h30m`, `90s`, `1.5s`.
  static func durationText(nanos: Int64) -> String {
    if nanos == 0 { return "0s" }
    var rest = nanos.magnitude
    var out = nanos < 0 ? "-" : ""
    let hours = rest / 3_600_000_000_000
    rest %= 3_600_000_000_000
    let minutes = rest / 60_000_000_000
    rest %= 60_000_000_000
    if hours > 0 { out += "\(hours)h" }
    if minutes > 0 { out += "\(minutes)m" }
    if rest > 0 {
      let seconds = rest / 1_000_000_000
      let fraction = rest % 1_000_000_000
      if fraction == 0 {
        out += "\(seconds)s"
      } else {
        var digits = String(fraction)
        digits = String(repeating: "0", count: 9 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        out += "\(seconds).\(digits)s"
      }
    }
    return out
  }

  /// RFC 3339 in UTC with the fraction only when there is one.
  static func rfc3339(_ t: Timestamp) -> String {
    let days = t.seconds >= 0 ? t.seconds / 86_400 : (t.seconds - 86_399) / 86_400
    let secondOfDay = t.seconds - days * 86_400
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    var out = String(format: "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld", year, month, day,
      secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
    if t.nanos != 0 {
      var digits = String(format: "%09d", t.nanos)
      while digits.hasSuffix("0") { digits.removeLast() }
      out += "." + digits
    }
    return out + "Z"
  }
}
