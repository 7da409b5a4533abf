/// The `get*` accessors of timestamps (in UTC, or in a named or fixed-offset zone) and of
/// durations (whole units of the span).
enum TimeFunctions {
  /// The accessor functions, by their CEL names.
  enum Accessor: String, CaseIterable, Sendable {
    case getFullYear, getMonth, getDate, getDayOfMonth, getDayOfWeek, getDayOfYear
    case getHours, getMinutes, getSeconds, getMilliseconds

    /// Whether durations have it too: the clock parts do, the date parts do not.
    var isClockPart: Bool {
      switch self {
      case .getHours, .getMinutes, .getSeconds, .getMilliseconds: true
      default: false
      }
    }
  }

  /// `t.getX()` / `t.getX(zone)` and `d.getX()`.
  static func get(_ accessor: Accessor, _ target: Value, zone: Value?) -> Value {
    switch (target, zone) {
    case (.timestamp(let t), nil):
      return .int(field(accessor, of: t, offset: 0))
    case (.timestamp(let t), .string(let name)?):
      guard let offset = t.offset(inZone: name) else {
        return .error(EvalError("unknown time zone '\(name)'"))
      }
      return .int(field(accessor, of: t, offset: offset))
    case (.duration(let d), nil):
      guard let value = field(accessor, of: d) else { return Value.noOverload(accessor.rawValue, target) }
      return .int(value)
    default:
      return Value.noOverload(accessor.rawValue, arguments: [target] + (zone.map { [$0] } ?? []))
    }
  }

  private static func field(_ accessor: Accessor, of t: Timestamp, offset: Int64) -> Int64 {
    let c = t.civil(offset: offset)
    switch accessor {
    case .getFullYear: return c.year
    case .getMonth: return c.month - 1
    case .getDate: return c.day
    case .getDayOfMonth: return c.day - 1
    case .getDayOfWeek: return c.weekday
    case .getDayOfYear: return c.dayOfYear
    case .getHours: return c.hour
    case .getMinutes: return c.minute
    case .getSeconds: return c.second
    case .getMilliseconds: return Int64(t.nanos) / 1_000_000
    }
  }

  private static func field(_ accessor: Accessor, of d: CELDuration) -> Int64? {
    switch accessor {
    case .getHours: return d.seconds / 3600
    case .getMinutes: return d.seconds / 60
    case .getSeconds: return d.seconds
    case .getMilliseconds: return Int64(d.nanos) / 1_000_000
    default: return nil
    }
  }
}
