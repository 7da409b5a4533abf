import Testing

@testable import CEL

/// TZif files, made here, and the names of the system's tz database.
@Suite struct ZoneInfoTests {
  /// Local mean time, then standard and daylight time.
  static let offsets: [Int32] = [561, 3600, 7200]
  /// Daylight time from 1970, standard time from 2100 (past the 32-bit section's reach).
  static let transitions: [(at: Int64, type: UInt8)] = [(0, 2), (4_102_444_800, 1)]

  /// A TZif file: a 32-bit section with the transitions that fit in it, then (from version 2)
  /// a 64-bit section with them all, and the footer.
  static func tzif(version: Int, leapSeconds: Int = 0, footer: String = "") -> [UInt8] {
    func section(timeSize: Int) -> [UInt8] {
      let times = transitions.filter { timeSize == 8 || Int32(exactly: $0.at) != nil }
      var bytes = Array("TZif".utf8) + [version == 1 ? 0 : UInt8(ascii: "0") + UInt8(version)]
      bytes += [UInt8](repeating: 0, count: 15)
      for count in [0, 0, leapSeconds, times.count, offsets.count, 4] { bytes += bigEndian(Int64(count), size: 4) }
      for time in times { bytes += bigEndian(time.at, size: timeSize) }
      bytes += times.map(\.type)
      for offset in offsets { bytes += bigEndian(Int64(offset), size: 4) + [0, 0] }
      bytes += Array("LMT\0".utf8)
      for _ in 0..<leapSeconds { bytes += bigEndian(78_796_800, size: timeSize) + bigEndian(1, size: 4) }
      return bytes
    }
    guard version >= 2 else { return section(timeSize: 4) }
    return section(timeSize: 4) + section(timeSize: 8) + Array("\n\(footer)\n".utf8)
  }

  static func bigEndian(_ value: Int64, size: Int) -> [UInt8] {
    (0..<size).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
  }

  static func seconds(_ time: String) throws -> Int64 { try #require(Timestamp(rfc3339: time)).seconds }

  @Test func readsTheSixtyFourBitSectionThenItsFooter() throws {
    let zone = try #require(ZoneInfo(tzif: Self.tzif(version: 2, footer: "CET-1CEST,M3.5.0,M10.5.0/3")))
    #expect(zone.offset(at: -1) == 561)
    #expect(zone.offset(at: 0) == 7200)
    #expect(zone.offset(at: 4_102_444_799) == 7200)
    #expect(zone.offset(at: 4_102_444_800) == 3600)
    #expect(zone.offset(at: try Self.seconds("2100-07-01T00:00:00Z")) == 7200)
    #expect(zone.offset(at: try Self.seconds("9999-12-31T23:59:59Z")) == 3600)
  }

  /// Without a footer the last transition's offset holds for good; a version 1 file has only
  /// the 32-bit section.
  @Test func keepsTheLastOffsetWithoutAFooter() throws {
    let second = try #require(ZoneInfo(tzif: Self.tzif(version: 3)))
    #expect(second.offset(at: try Self.seconds("2200-07-01T00:00:00Z")) == 3600)
    let first = try #require(ZoneInfo(tzif: Self.tzif(version: 1)))
    #expect(first.offset(at: -1) == 561)
    #expect(first.offset(at: try Self.seconds("2200-07-01T00:00:00Z")) == 7200)
  }

  @Test func refusesLeapSecondsAndOtherBytes() {
    #expect(ZoneInfo(tzif: Self.tzif(version: 2, leapSeconds: 1, footer: "CET-1")) == nil)
    #expect(ZoneInfo(tzif: Array(Self.tzif(version: 2).dropLast(8))) == nil)
    #expect(ZoneInfo(tzif: Array("TZif2".utf8)) == nil)
    #expect(ZoneInfo(tzif: Array("# tzdb data for global time zones\n".utf8)) == nil)
  }

  @Test func readsZonesOfTheDatabase() throws {
    let paris = try #require(ZoneInfo(named: "Europe/Paris"))
    #expect(paris.offset(at: try Self.seconds("2030-01-01T00:00:00Z")) == 3600)
    #expect(paris.offset(at: try Self.seconds("2030-07-01T00:00:00Z")) == 7200)
    let kathmandu = try #require(ZoneInfo(named: "Asia/Kathmandu"))
    #expect(kathmandu.offset(at: try Self.seconds("2030-07-01T00:00:00Z")) == 20_700)
  }

  /// Names whose parts do not each begin with a capital are not looked for.
  @Test(arguments: [
    "", "Mars/Olympus", "Europe", "Europe/", "europe/paris", "localtime", "posixrules", "posix/Europe/Paris",
    "/usr/share/zoneinfo/Europe/Paris", "Europe/../Europe/Paris", "./Europe/Paris",
  ])
  func refusesNamesOutsideTheDatabase(name: String) {
    #expect(ZoneInfo(named: name) == nil)
  }
}
