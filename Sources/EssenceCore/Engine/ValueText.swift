import CEL

/// Values and windows written for sentences.
enum ValueText {
  /// A field's value in CEL literal syntax, or "absent".
  static func describe(_ value: Value?) -> String { value?.description ?? "absent" }

  /// Appends a field's value in CEL literal syntax (or "absent"), with a fast path for the
  /// plain strings and integers most fields hold.
  static func write(_ value: Value?, into text: inout TextBuffer) {
    switch value {
    case nil: text += "absent"
    case .int(let i)?: text += String(i)
    case .string(let s)? where s.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x27 && $0 != 0x5C && $0 != 0x7F }):
      text += "'"
      text += s
      text += "'"
    case let value?: text += value.description
    }
  }

  /// Go-style duration text, as standards files write windows: `1h`, `72h`, `10m`, `1h30m`, `1.5s`.
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
      out += String(seconds)
      if fraction != 0 {
        var digits = String(fraction)
        digits = String(repeating: "0", count: 9 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        out += "." + digits
      }
      out += "s"
    }
    return out
  }
}
