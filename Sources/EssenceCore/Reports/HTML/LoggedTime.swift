import CEL

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

  /// Reads an RFC 3339 time; nil for anything else.
  init?(_ text: String) {
    guard let timestamp = Timestamp(rfc3339: text), let last = text.last else { return nil }
    instant = timestamp.seconds
    if last == "Z" || last == "z" {
      offset = 0
      return
    }
    let tail = Array(text.suffix(6))
    guard tail.count == 6, let hours = Int64(String(tail[1...2])), let minutes = Int64(String(tail[4...5])) else {
      return nil
    }
    offset = (tail[0] == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
  }

  /// `11-21` for the local day that `local` (seconds, already shifted by the offset) falls on.
  static func monthDay(local: Int64) -> String {
    String(Timestamp(seconds: local, nanos: 0).rfc3339.dropFirst(5).prefix(5))
  }
}
