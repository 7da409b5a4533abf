import CEL

/// Parses the event times of shift logs: RFC 3339 only (SPEC §7).
///
/// `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`: `T`/`t` and `Z`/`z` both accepted, a space
/// instead of `T` is not, the offset is required, the date must exist, no leap second
/// (`:60`), `-00:00` is UTC, a fraction of any length is cut to nanoseconds, and the UTC
/// instant must lie in CEL's 0001-01-01…9999-12-31 range: CEL's `Timestamp(rfc3339:)` rules,
/// so a log's `time` and a rule's `timestamp('…')` agree.
public enum RFC3339 {
  /// The instant `text` names, or nil when it is not an RFC 3339 time in range.
  public static func parse(_ text: String) -> Timestamp? {
    Timestamp(rfc3339: text)
  }
}
