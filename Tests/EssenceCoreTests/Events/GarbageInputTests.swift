import CEL
import EssenceCore
import Testing

/// Errors are values: no input crashes the readers, and every non-blank line is a record.
@Suite struct GarbageInputTests {
  /// A deterministic generator, so a failure can be replayed.
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
  }

  static let pieces: [String] = [
    "{", "}", "[", "]", ",", ":", "\"", "\\", "\"time\"", "\"type\"", "\"employee\"", "\"id\"",
    "\"2026-11-21T09:00:00Z\"", "1", "-0", "1e999", "18446744073709551616", "true", "null", "nul",
    " ", "\t", "\r", "é", "\u{0}", "\"a\":1", "\"a\":{\"a\":[1,{}]}", "\u{FEFF}",
  ]

  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func randomLinesAreEachARecord(seed: UInt64) throws {
    var random = Generator(state: seed)
    var lines: [String] = []
    for _ in 0..<2_000 {
      var line = ""
      for _ in 0..<(random.next() % 24) { line += Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }
      lines.append(line)
    }
    var bytes = Array(lines.joined(separator: "\n").utf8)
    for _ in 0..<50 { bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(random.next() % 256) }
    let text = String(decoding: bytes, as: UTF8.self)
    // Split bytes, not Characters: "\r\n" is one Character.
    let expected = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).filter { line in
      !line.allSatisfy { [0x20, 0x09, 0x0D, 0x0B, 0x0C].contains($0) }
    }.count
    let log = try LogReader(layout: testLayout).read(bytes: Array(text.utf8), path: "g.jsonl", format: .jsonLines)
    #expect(log.read == expected)
    #expect(log.rejected.allSatisfy { !$0.reason.isEmpty && $0.line >= 1 })
    let csv = try? LogReader(layout: testLayout).read(bytes: bytes, path: "g.csv", format: .csv)
    #expect(csv == nil || csv?.read ?? 0 >= 0)
    let yaml = try? LogReader(layout: testLayout).read(bytes: bytes, path: "g.yaml", format: .yaml)
    #expect(yaml == nil || yaml?.read ?? 0 >= 0)
  }
}
