import CEL
import Foundation
import Testing
import _EssenceTestSupport

@testable import EssenceCore

/// A log past its memory budget writes its blocks to a scratch file and reads them back when
/// asked for: every event, and every report, must be the same as when it holds them all.
@Suite struct EventStoreTests {
  static let fixture = EngineGoldenTests.fixtures.appendingPathComponent("shift-5000-seed13.jsonl").path
  static let example = EngineGoldenTests.package.appendingPathComponent("Examples/support-desk/shift.jsonl").path

  /// The log at `path` read in blocks of `blockSize` bytes into `log`.
  private func read(_ path: String, layout: RecordLayout, blockSize: Int, into log: inout EventLog) throws {
    try JSONLinesFile.read(LogInput(path: path), layout: layout, threads: 2, blockSize: blockSize, into: &log)
  }

  /// What a test can see of an event.
  private func describe(_ event: Event) -> String {
    let fields = event.record.fields.map { "\($0.name)=\($0.value.testDescription)" }
    return "\(event.index) \(event.path):\(event.line) \(event.id) \(event.type) \(event.employee) "
      + "\(event.timeText) \(event.time.seconds).\(event.time.nanos) \(fields)"
  }

  @Test func blocks_written_out_are_read_back_as_they_were() throws {
    var held = EventLog(indexer: nil, budget: .max)
    var written = EventLog(indexer: nil, budget: 0)
    try read(Self.fixture, layout: testLayout, blockSize: 4096, into: &held)
    try read(Self.fixture, layout: testLayout, blockSize: 4096, into: &written)
    #expect(held.blocksWritten == 0)
    #expect(written.blocksWritten > 100)
    #expect(written.events.count == 5000)
    #expect(written.events.map(describe) == held.events.map(describe))
    // Out of order, so blocks are read back again and again.
    for position in stride(from: 4999, through: 0, by: -37) {
      #expect(describe(written.events[position]) == describe(held.events[position]))
    }
  }

  /// A CSV or YAML file is read whole, and handed to the log a block of 4,096 records at a
  /// time, so a large one can be written out too.
  @Test func csv_and_yaml_logs_come_in_blocks_that_can_be_written_out() throws {
    let rows = (0..<10_000).map {
      "e\($0),2026-11-21T09:\(String(format: "%02d", $0 / 60 % 60)):00Z,call_answered,ana,\($0 % 7)"
    }
    let csv = Array(("id,time,type,employee,rings\n" + rows.joined(separator: "\n")).utf8)
    let yaml = Array(rows.map {
      let cells = $0.split(separator: ",")
      return "- {id: \(cells[0]), time: '\(cells[1])', type: \(cells[2]), employee: \(cells[3]), rings: \(cells[4])}"
    }.joined(separator: "\n").utf8)
    for (read, name) in [
      ({ (log: inout EventLog) throws in
        try CSVLogReader(layout: testLayout, fieldKinds: [:], keeping: nil).read(bytes: csv, path: "l.csv", into: &log)
      }, "csv"),
      ({ (log: inout EventLog) throws in
        try YAMLLogReader(layout: testLayout, keeping: nil).read(bytes: yaml, path: "l.yaml", into: &log)
      }, "yaml"),
    ] as [((inout EventLog) throws -> Void, String)] {
      var held = EventLog(indexer: nil, budget: .max)
      var written = EventLog(indexer: nil, budget: 0)
      try read(&held)
      try read(&written)
      #expect(written.events.count == 10_000, "\(name)")
      // Three blocks; the store keeps the one it just closed and the one being appended to.
      #expect(written.blocksWritten == 1, "\(name)")
      #expect(written.events.map(describe) == held.events.map(describe), "\(name)")
    }
  }

  /// A block keeping a list or a map has no byte form: it stays in memory, and the rest of
  /// the log is still read back as it was.
  @Test func blocks_that_cannot_be_written_out_stay() throws {
    try withScratchDirectory { dir in
      let path = dir.appendingPathComponent("lists.jsonl").path
      let lines = (0..<3000).map { i in
        eventLine(i % 1000 < 500 ? #""id":"e\#(i)","tags":["a","b"]"# : #""id":"e\#(i)","rings":\#(i)"#)
      }
      try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
      var held = EventLog(indexer: nil, budget: .max)
      var written = EventLog(indexer: nil, budget: 0)
      try read(path, layout: testLayout, blockSize: 4096, into: &held)
      try read(path, layout: testLayout, blockSize: 4096, into: &written)
      #expect(written.blocksWritten > 10)
      #expect(written.events.map(describe) == held.events.map(describe))
      #expect(written.events.filter { $0.record.field("tags") != nil }.count == 1500)
    }
  }

  @Test func a_log_within_its_budget_writes_nothing() throws {
    var log = EventLog(indexer: nil, budget: EventStore.defaultBudget)
    try read(Self.example, layout: testLayout, blockSize: 256, into: &log)
    #expect(log.blocksWritten == 0)
    #expect(log.events.count > 40)
  }

  @Test func judging_the_examples_says_the_same_whatever_the_budget() throws {
    let standards = EngineGoldenTests.package.appendingPathComponent("Standards").path
    try judgesTheSame(standards: standards, log: Self.example, blockSize: 256)
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: EngineGoldenTests.bench), "needs ../shared/bench"))
  func judging_the_benchmark_says_the_same_whatever_the_budget() throws {
    try judgesTheSame(standards: EngineGoldenTests.bench, log: Self.fixture, blockSize: 4096)
  }

  /// Every report and explanation of a log whose blocks were all written out, against the same
  /// log held whole: small blocks, so findings and the events they name are read back from
  /// other blocks.
  private func judgesTheSame(standards: String, log path: String, blockSize: Int) throws {
    let (set, diagnostics) = StandardsLoader.load(paths: [standards])
    let engine = Engine(set: try #require(set, "\(diagnostics)"))
    var held = engine.emptyLog(budget: .max)
    var written = engine.emptyLog(budget: 0)
    try read(path, layout: engine.book.set.layout, blockSize: blockSize, into: &held)
    try read(path, layout: engine.book.set.layout, blockSize: blockSize, into: &written)
    #expect(written.blocksWritten > 5)
    let options = Engine.Options(includeMet: true)
    let (expected, actual) = (engine.evaluate(held, options: options), engine.evaluate(written, options: options))
    #expect(JSONReporter().generateReport(actual) == JSONReporter().generateReport(expected))
    #expect(TextReporter().generateReport(actual) == TextReporter().generateReport(expected))
    #expect(actual.findings.map(\.because) == expected.findings.map(\.because))
    // What explain shows (not how each log numbered its strings, which depends on which
    // thread read which block first).
    func shown(_ log: EventLog, _ id: String) -> [String] {
      engine.explained(log, event: id).explanations.map { "\($0.event.id) \($0.findings) \($0.notes)" }
    }
    for id in written.events.map(\.id).prefix(40) {
      #expect(shown(written, id) == shown(held, id))
    }
  }

  /// Parts written in one call come back one after another, empty parts and all.
  @Test func a_scratch_file_gives_back_what_it_was_given() throws {
    let file = try #require(ScratchFile())
    let first = try #require(append([[1], [], [2, 3]], to: file))
    let sevens = [Array(repeating: UInt8(7), count: 60_000), Array(repeating: 7, count: 40_000)]
    let second = try #require(append(sevens, to: file))
    #expect(first == 0..<3 && second == 3..<100_003)
    func read(_ range: Range<Int>) -> [UInt8] {
      [UInt8](unsafeUninitializedCapacity: range.count) { buffer, count in
        let part = UnsafeMutableBufferPointer(rebasing: buffer[0..<range.count])
        file.read(at: range.lowerBound, into: UnsafeMutableRawBufferPointer(part))
        count = range.count
      }
    }
    #expect(read(first) == [1, 2, 3])
    #expect(read(second) == Array(repeating: 7, count: 100_000))
    #expect(read(1..<100) == [2, 3] + Array(repeating: 7, count: 97))
  }

  private func append(_ parts: [[UInt8]], to file: ScratchFile) -> Range<Int>? {
    let buffers = parts.map { part in
      let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: part.count, alignment: 1)
      buffer.copyBytes(from: part)
      return buffer
    }
    defer { buffers.forEach { $0.deallocate() } }
    return file.append(buffers.map { UnsafeRawBufferPointer($0) })
  }
}
