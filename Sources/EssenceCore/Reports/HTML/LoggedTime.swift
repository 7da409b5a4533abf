/// A finding's `time` as written in the log, read back for placing it on a timeline.
///
/// Findings keep `time` exactly as written (SPEC §7), and the log reader has already checked
/// it is RFC 3339; here we need the instant to place it and the writer's offset to label the
/// hours in the team's own clock.
struct LoggedTime {
  /// Seconds since the Unix epoch.
  var instant: Int64
  /// The offset from UTC it was written with, in seconds.
  var offset: Int64

  /// Reads `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; nil for anything else.
  init?(_ text: String) {
    let s = Array(text.utf8)
    func digits(_ from: Int, _ count: Int) -> Int64? {
      guard from + count <= s.count else { return nil }
      var n: Int64 = 0
      for b in s[from..<(from + count)] {
        guard b >= 48 && b <= 57 else { return nil }
        n = n * 10 + Int64(b - 48)
      }
      return n
    }
    guard let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2), let hour = digits(11, 2),
      let minute = digits(14, 2), let second = digits(17, 2)
    else { return nil }
    var i = 19
    if i < s.count, s[i] == UInt8(ascii: ".") {
      i += 1
      while i < s.count, s[i] >= 48 && s[i] <= 57 { i += 1 }
    }
    guard i < s.count else { return nil }
    switch s[i] {
    case UInt8(ascii: "Z"), UInt8(ascii: "z"): offset = 0
    case UInt8(ascii: "+"), UInt8(ascii: "-"):
      guard let oh = digits(i + 1, 2), let om = digits(i + 4, 2) else { return nil }
      offset = (s[i] == UInt8(ascii: "-") ? -1 : 1) * (oh * 3600 + om * 60)
    default: return nil
    }
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    let days = era * 146_097 + doe - 719_468
    instant = days * 86_400 + hour * 3600 + minute * 60 + second - offset
  }
}
