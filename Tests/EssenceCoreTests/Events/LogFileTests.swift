import CEL
import EssenceCore
import Foundation
import Testing
import _EssenceTestSupport

/// Reading logs from files and standard input (SPEC §2, §5 exit 3).
@Suite(.serialized) struct LogFileTests {
  @Test func indexNumbersEventsInInputOrderAcrossFiles() throws {
    try withScratchDirectory { dir in
      let a = dir.appendingPathComponent("a.jsonl").path
      let b = dir.appendingPathComponent("b.ndjson").path
      let c = dir.appendingPathComponent("c.csv").path
      try (eventLine() + "\n[]\n" + eventLine() + "\n").write(toFile: a, atomically: true, encoding: .utf8)
      try (eventLine() + "\n").write(toFile: b, atomically: true, encoding: .utf8)
      try "time,type,employee\n2026-11-21T09:00:00Z,note,bo\n".write(toFile: c, atomically: true, encoding: .utf8)
      let log = try LogReader.read(paths: [a, b, c], layout: testLayout)
      #expect(log.events.map(\.index) == [0, 1, 2, 3])
      #expect(log.events.map(\.path) == [a, a, b, c])
      #expect(log.events.map(\.line) == [1, 3, 1, 2])
      #expect(log.rejected == [RejectedRecord(path: a, line: 2, reason: "record is not an object")])
    }
  }

  @Test func unreadableFileIsAnErrorNamingThePath() throws {
    try withScratchDirectory { dir in
      let missing = dir.appendingPathComponent("missing.jsonl").path
      #expect(throws: LogReadError.unreadable(path: missing, reason: "no such file or directory")) {
        try LogReader.read(paths: [missing], layout: testLayout)
      }
      do throws(LogReadError) {
        _ = try LogReader.read(paths: [dir.path], layout: testLayout)
        Issue.record("a directory is not a log")
      } catch {
        #expect(error.path == dir.path)
        #expect(error.description.contains("'\(dir.path)'"))
      }
    }
  }

  @Test func linesAcrossBlockBoundariesKeepTheirNumbers() throws {
    // 60,000 lines of ~90 bytes is more than one 4 MiB block; one line is longer than a block.
    try withScratchDirectory { dir in
      let path = dir.appendingPathComponent("big.jsonl").path
      var text = ""
      for i in 1...60_000 {
        if i == 30_000 {
          text += eventLine(#""note":"\#(String(repeating: "x", count: 5 << 20))""#)
        } else {
          text += eventLine(#""n":\#(i)"#)
        }
        text += i % 1000 == 0 ? "\n\n" : "\n"
      }
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      let log = try LogReader.read(paths: [path], layout: testLayout)
      #expect(log.rejected.isEmpty)
      #expect(log.events.count == 60_000)
      let lines = log.events.map(\.line)
      #expect(lines.first == 1)
      #expect(lines.last == 60_000 + 59)
      let note = log.events[29_999].record.field("note")
      #expect(note.map { if case .string(let s) = $0 { s.count } else { 0 } } == 5 << 20)
      #expect(log.events[59_999].record.field("n")?.testDescription == "int(60000)")
    }
  }

  @Test func dashReadsStandardInputAsJSONLines() throws {
    let text = eventLine(#""id":"from-stdin""#) + "\n\n[]\n"
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    let saved = dup(0)
    text.utf8CString.withUnsafeBufferPointer { buffer in
      _ = write(fds[1], buffer.baseAddress, buffer.count - 1)
    }
    close(fds[1])
    dup2(fds[0], 0)
    close(fds[0])
    defer {
      dup2(saved, 0)
      close(saved)
    }
    let log = try LogReader.read(paths: ["-"], layout: testLayout)
    #expect(log.events.map(\.id) == ["from-stdin"])
    #expect(log.rejected == [RejectedRecord(path: "-", line: 3, reason: "record is not an object")])
  }

  @Test func byteOrderMarkStartingAFileIsDropped() throws {
    try withScratchDirectory { dir in
      let path = dir.appendingPathComponent("bom.jsonl").path
      let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array((eventLine() + "\n" + eventLine()).utf8)
      #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
      let log = try LogReader.read(paths: [path], layout: testLayout)
      #expect(log.rejected.isEmpty)
      #expect(log.events.map(\.line) == [1, 2])
      let memory = try LogReader(layout: testLayout).read(bytes: bytes, path: "m.jsonl", format: .jsonLines)
      #expect(memory.rejected.isEmpty)
      #expect(memory.events.count == 2)
    }
  }

  @Test func formatFollowsTheExtension() {
    #expect(LogFormat(path: "a.jsonl") == .jsonLines)
    #expect(LogFormat(path: "a.ndjson") == .jsonLines)
    #expect(LogFormat(path: "-") == .jsonLines)
    #expect(LogFormat(path: "A.CSV") == .csv)
    #expect(LogFormat(path: "a.yaml") == .yaml)
    #expect(LogFormat(path: "a.yml") == .yaml)
  }
}
