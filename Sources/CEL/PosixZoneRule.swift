/// A zone's offsets as a POSIX TZ string gives them, which a TZif file's footer holds for the
/// instants after its last transition: `CET-1CEST,M3.5.0,M10.5.0/3` is one hour east of UTC,
/// and two from the last Sunday of March at 02:00 to the last Sunday of October at 03:00
/// (local time). Transition times may run from -167 to 167 hours (RFC 8536's extension).
struct PosixZoneRule: Sendable {
  /// Standard time's offset, in seconds east of UTC.
  let standardOffset: Int64
  /// Daylight time, in the zones that keep it.
  let daylight: Daylight?

  struct Daylight: Sendable {
    /// Daylight time's offset, in seconds east of UTC.
    let offset: Int64
    /// When daylight time starts (in standard local time) and ends (in daylight local time).
    let start: Change, end: Change
  }

  /// A day of the year and a time on it, local.
  struct Change: Sendable {
    enum Day: Sendable {
      /// `Jn`: day 1...365, February 29 never counted.
      case julian(Int64)
      /// `n`: day 0...365, February 29 counted in leap years.
      case ordinal(Int64)
      /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (1...5, 5 = the last) of month `m`.
      case weekday(month: Int64, week: Int64, day: Int64)
    }
    let day: Day
    /// Seconds after the day's local midnight.
    let time: Int64

    /// The change in `year`, as seconds since the epoch of local time.
    func localSeconds(in year: Int64) -> Int64 {
      let january1 = Timestamp.daysFromCivil(year: year, month: 1, day: 1)
      let days: Int64
      switch day {
      case .julian(let n):
        let isLeap = Timestamp.daysInMonth(year: year, month: 2) == 29
        days = january1 + n - 1 + (isLeap && n >= 60 ? 1 : 0)
      case .ordinal(let n):
        days = january1 + n
      case .weekday(let month, let week, let weekday):
        let first = Timestamp.daysFromCivil(year: year, month: month, day: 1)
        var day = first + (weekday - Timestamp.weekday(ofDay: first) + 7) % 7 + 7 * (week - 1)
        while day >= first + Timestamp.daysInMonth(year: year, month: month) { day -= 7 }
        days = day
      }
      return days &* 86_400 &+ time
    }
  }

  /// The rule of a TZ string, or nil when the text is not one.
  init?(_ text: String) {
    var scanner = TZStringScanner(Array(text.utf8)[...])
    guard scanner.skipName(), let standard = scanner.clock() else { return nil }
    // POSIX offsets count hours west of UTC.
    standardOffset = -standard
    if scanner.atEnd {
      daylight = nil
      return
    }
    guard scanner.skipName() else { return nil }
    let offset = scanner.peek(",") ? standardOffset + 3600 : scanner.clock().map { -$0 }
    guard let offset, scanner.take(","), let start = scanner.change(), scanner.take(","), let end = scanner.change(),
      scanner.atEnd
    else { return nil }
    daylight = Daylight(offset: offset, start: start, end: end)
  }

  /// The offset, in seconds east of UTC, at an instant (seconds since the epoch).
  func offset(at seconds: Int64) -> Int64 {
    guard let daylight else { return standardOffset }
    let year = Timestamp.civilFromDays(floorDiv(seconds &+ standardOffset, 86_400)).year
    let start = daylight.start.localSeconds(in: year) &- standardOffset
    let end = daylight.end.localSeconds(in: year) &- daylight.offset
    // In the southern hemisphere daylight time spans the new year: it ends before it starts.
    let inDaylight = start < end ? start <= seconds && seconds < end : !(end <= seconds && seconds < start)
    return inDaylight ? daylight.offset : standardOffset
  }
}

/// Reads a TZ string's parts, front to back.
private struct TZStringScanner {
  private var bytes: ArraySlice<UInt8>

  init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

  var atEnd: Bool { bytes.isEmpty }

  func peek(_ character: Unicode.Scalar) -> Bool { bytes.first == UInt8(ascii: character) }

  /// Takes `character` if it comes next.
  mutating func take(_ character: Unicode.Scalar) -> Bool {
    guard peek(character) else { return false }
    bytes.removeFirst()
    return true
  }

  /// Skips a zone abbreviation: letters (`CET`), or anything but `>` in angle brackets (`<+0545>`).
  mutating func skipName() -> Bool {
    if take("<") {
      let name = bytes.prefix { $0 != UInt8(ascii: ">") }
      bytes.removeFirst(name.count)
      return !name.isEmpty && take(">")
    }
    // ASCII letters: setting the 0x20 bit makes a capital small.
    let name = bytes.prefix { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20) }
    bytes.removeFirst(name.count)
    return name.count >= 3
  }

  /// A number of ASCII digits.
  mutating func number() -> Int64? {
    let digits = bytes.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    guard !digits.isEmpty, digits.count <= 3 else { return nil }
    bytes.removeFirst(digits.count)
    return digits.reduce(0) { $0 * 10 + Int64($1 - UInt8(ascii: "0")) }
  }

  /// `[+-]hh[:mm[:ss]]` in seconds.
  mutating func clock() -> Int64? {
    let negative = take("-")
    if !negative { _ = take("+") }
    guard let hours = number(), hours <= 167 else { return nil }
    var seconds = hours * 3600
    if take(":") {
      guard let minutes = number(), minutes < 60 else { return nil }
      seconds += minutes * 60
      if take(":") {
        guard let rest = number(), rest < 60 else { return nil }
        seconds += rest
      }
    }
    return negative ? -seconds : seconds
  }

  /// A change: `Jn`, `n` or `Mm.w.d`, then `/time` unless it is 02:00.
  mutating func change() -> PosixZoneRule.Change? {
    let day: PosixZoneRule.Change.Day
    if take("J") {
      guard let n = number(), (1...365).contains(n) else { return nil }
      day = .julian(n)
    } else if take("M") {
      guard let month = number(), (1...12).contains(month), take("."), let week = number(), (1...5).contains(week),
        take("."), let weekday = number(), (0...6).contains(weekday)
      else { return nil }
      day = .weekday(month: month, week: week, day: weekday)
    } else {
      guard let n = number(), (0...365).contains(n) else { return nil }
      day = .ordinal(n)
    }
    guard let time = take("/") ? clock() : 7200 else { return nil }
    return PosixZoneRule.Change(day: day, time: time)
  }
}
