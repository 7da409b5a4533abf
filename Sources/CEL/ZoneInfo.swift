#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// A time zone's UTC offsets over time, read from the system's tz database: the TZif file
/// (RFC 8536) of its name under `/usr/share/zoneinfo`.
///
/// Read by hand because Foundation's `TimeZone` knows zone names, outside Apple's systems, only
/// through ICU, whose data (tens of megabytes) would be linked into the binary for this alone;
/// and the process's `TZ` with `localtime_r` would mean one zone at a time for all threads.
struct ZoneInfo: Sendable {
  /// Where the offset changes, ascending: the instant (seconds since the epoch) and the offset
  /// (seconds east of UTC) from then on.
  private let transitions: [(at: Int64, offset: Int64)]
  /// The offset before the first transition (the file's first local time type).
  private let initialOffset: Int64
  /// The offsets after the last transition: the rule in the file's footer, when it has one.
  private let rule: PosixZoneRule?

  private init(transitions: [(at: Int64, offset: Int64)], initialOffset: Int64, rule: PosixZoneRule?) {
    self.transitions = transitions
    self.initialOffset = initialOffset
    self.rule = rule
  }

  /// The zone of an IANA name such as `Europe/Paris`, or nil when the database has no such zone;
  /// `UTC` and `Z` are universal time without the database.
  ///
  /// Every part of an IANA name begins with a capital letter (`America/Port-au-Prince`,
  /// `Etc/GMT+5`), which keeps out the database's other files (`localtime`, `posixrules`, the
  /// `posix/` copies), paths (`/etc/passwd`, `..`) and names in the wrong case.
  init?(named name: String) {
    if name == "UTC" || name == "Z" {
      self.init(transitions: [], initialOffset: 0, rule: nil)
      return
    }
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.allSatisfy({ ("A"..."Z").contains($0.first ?? " ") }),
      let bytes = Self.contents(ofFile: "/usr/share/zoneinfo/" + name)
    else { return nil }
    self.init(tzif: bytes)
  }

  /// Reads a TZif file: its 64-bit section when it has one (version 2 on), else its 32-bit one.
  /// Nil when the bytes are not such a file, or it counts leap seconds (its instants then are
  /// not the epoch seconds that timestamps hold).
  init?(tzif bytes: [UInt8]) {
    guard var header = TZifHeader(bytes, at: 0) else { return nil }
    var timeSize = 4
    var rule: PosixZoneRule?
    if header.version >= 2 {
      guard let second = TZifHeader(bytes, at: header.end(timeSize: 4)) else { return nil }
      header = second
      timeSize = 8
      // The footer: a newline, a POSIX TZ string (maybe empty), a newline.
      let footer = bytes[min(header.end(timeSize: 8) + 1, bytes.count)...].prefix { $0 != UInt8(ascii: "\n") }
      rule = PosixZoneRule(String(decoding: footer, as: UTF8.self))
    }
    guard header.leapCount == 0, header.typeCount > 0, header.end(timeSize: timeSize) <= bytes.count else {
      return nil
    }
    let indexes = header.data + header.timeCount * timeSize
    let types = indexes + header.timeCount
    func offset(ofType type: Int) -> Int64 { TZifHeader.integer(bytes, at: types + type * 6, size: 4) }
    var transitions: [(at: Int64, offset: Int64)] = []
    for i in 0..<header.timeCount {
      let type = Int(bytes[indexes + i])
      guard type < header.typeCount else { return nil }
      let at = TZifHeader.integer(bytes, at: header.data + i * timeSize, size: timeSize)
      transitions.append((at, offset(ofType: type)))
    }
    self.init(transitions: transitions, initialOffset: offset(ofType: 0), rule: rule)
  }

  /// The offset, in seconds east of UTC, at an instant (seconds since the epoch).
  func offset(at seconds: Int64) -> Int64 {
    // How many transitions are at or before the instant.
    var (lo, hi) = (0, transitions.count)
    while lo < hi {
      let mid = (lo + hi) / 2
      if transitions[mid].at <= seconds { lo = mid + 1 } else { hi = mid }
    }
    if lo == transitions.count, let rule { return rule.offset(at: seconds) }
    return lo == 0 ? initialOffset : transitions[lo - 1].offset
  }

  /// A file's bytes, or nil when it cannot be read (missing, a directory, no permission).
  private static func contents(ofFile path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count == 0 { return bytes }
      if count < 0 {
        if errno == EINTR { continue }
        return nil
      }
      bytes += chunk[..<count]
    }
  }
}

/// The header of one section of a TZif file, and where its parts lie.
private struct TZifHeader {
  let version: Int
  let leapCount: Int, timeCount: Int, typeCount: Int
  /// Where the section's data begin, after the header.
  let data: Int
  /// Bytes of data after the transitions and their local time types.
  private let rest: Int

  /// The header at `start`, or nil when there is none (no `TZif` there, or too few bytes).
  init?(_ bytes: [UInt8], at start: Int) {
    guard start + 44 <= bytes.count, bytes[start..<start + 4].elementsEqual("TZif".utf8) else { return nil }
    // A version byte of 0 is version 1; then ASCII digits.
    version = bytes[start + 4] == 0 ? 1 : Int(bytes[start + 4]) - Int(UInt8(ascii: "0"))
    let counts = (0..<6).map { Int(Self.integer(bytes, at: start + 20 + $0 * 4, size: 4)) }
    let (utCount, standardCount, charCount) = (counts[0], counts[1], counts[5])
    (leapCount, timeCount, typeCount) = (counts[2], counts[3], counts[4])
    guard counts.allSatisfy({ $0 >= 0 }) else { return nil }
    data = start + 44
    rest = typeCount * 6 + charCount + standardCount + utCount
  }

  /// Where the section ends, for instants of `timeSize` bytes (4 in the first, 8 after).
  func end(timeSize: Int) -> Int {
    data + timeCount * (timeSize + 1) + leapCount * (timeSize + 4) + rest
  }

  /// The signed big-endian integer of `size` bytes (4 or 8) at `offset`.
  static func integer(_ bytes: [UInt8], at offset: Int, size: Int) -> Int64 {
    let value = bytes[offset..<offset + size].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    return size == 4 ? Int64(Int32(truncatingIfNeeded: value)) : Int64(bitPattern: value)
  }
}
