import Synchronization

/// Civil dates (proleptic Gregorian, as CEL and Go use) and the `get*` accessors' fields.
extension Timestamp {
  /// The earliest CEL timestamp, 0001-01-01T00:00:00Z, in seconds since the epoch.
  public static let minSeconds: Int64 = -62_135_596_800
  /// The latest whole second of a CEL timestamp, 9999-12-31T23:59:59Z.
  public static let maxSeconds: Int64 = 253_402_300_799

  /// Whether the instant lies in CEL's range, years 0001 to 9999.
  public var isInRange: Bool { seconds >= Self.minSeconds && seconds <= Self.maxSeconds }

  /// Calendar fields of an instant seen at some UTC offset.
  struct Civil {
    var year: Int64, month: Int64, day: Int64
    var hour: Int64, minute: Int64, second: Int64
    /// Days since 1970-01-01.
    var days: Int64

    /// 0 = Sunday. Computed when asked: reports write a time per finding and never ask.
    var weekday: Int64 { Timestamp.weekday(ofDay: days) }

    /// 0-based day of the year.
    var dayOfYear: Int64 { days - Timestamp.daysFromCivil(year: year, month: 1, day: 1) }
  }

  /// The calendar fields of this instant at `offset` seconds east of UTC.
  func civil(offset: Int64) -> Civil {
    // Wrapping: a timestamp built outside CEL's range gives nonsense fields, never a trap.
    let local = seconds &+ offset
    let days = floorDiv(local, 86_400)
    let secondOfDay = local - days * 86_400
    let (y, m, d) = Self.civilFromDays(days)
    return Civil(
      year: y, month: m, day: d, hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60,
      second: secondOfDay % 60, days: days)
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
  static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = floorDiv(y, 400)
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The proleptic Gregorian date of a day count since 1970-01-01.
  static func civilFromDays(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let z = days + 719_468
    let era = floorDiv(z, 146_097)
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// The day of the week, 0 = Sunday, of a day counted from 1970-01-01 (a Thursday).
  static func weekday(ofDay days: Int64) -> Int64 { ((days % 7) + 11) % 7 }

  /// The number of days in a month of a year.
  static func daysInMonth(year: Int64, month: Int64) -> Int64 {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// The UTC offset, in seconds, of a zone name at this instant: an IANA name (`Europe/Paris`),
  /// `UTC`, or a fixed offset such as `+05:30`, `-02:30` or `02:00`; nil when unknown.
  func offset(inZone name: String) -> Int64? {
    if let fixed = Self.fixedOffset(name) { return fixed }
    return ZoneCache.shared.zone(named: name)?.offset(at: seconds)
  }

  /// A `[+-]HH:MM` offset in seconds, or nil when the text is not one.
  private static func fixedOffset(_ text: String) -> Int64? {
    var scalars = Substring(text)
    var sign: Int64 = 1
    if scalars.first == "+" || scalars.first == "-" {
      sign = scalars.first == "-" ? -1 : 1
      scalars = scalars.dropFirst()
    }
    let parts = scalars.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
      let hours = Int64(parts[0]), let minutes = Int64(parts[1]), minutes < 60
    else { return nil }
    return sign * (hours * 3600 + minutes * 60)
  }
}

/// Time zones by name, looked up once: `ZoneInfo(named:)` reads the tz database.
final class ZoneCache: Sendable {
  static let shared = ZoneCache()
  private let zones = Mutex<[String: ZoneInfo?]>([:])

  func zone(named name: String) -> ZoneInfo? {
    zones.withLock { zones in
      if let known = zones[name] { return known }
      let zone = ZoneInfo(named: name)
      zones[name] = zone
      return zone
    }
  }
}

/// Division rounding toward negative infinity, for calendar arithmetic before 1970.
func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
  let q = a / b
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

extension Character {
  /// Whether this is one of the ASCII digits 0-9.
  var isASCIIDigit: Bool { isASCII && isNumber }
}
