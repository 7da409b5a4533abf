import CEL
import Foundation
import Testing
import _EssenceTestSupport

@testable import EssenceCore

/// JSON Lines blocks parsed on several threads join into the log one thread would read.
@Suite struct ParallelReadingTests {
  /// A log with blank lines, rejections, a long line and no final newline, written in `directory`.
  func writeLog(in directory: URL) throws -> String {
    let path = directory.appendingPathComponent("parallel.jsonl").path
    var text = ""
    for i in 1...5_000 {
      switch i % 97 {
      case 0: text += "\n"
      case 1: text += "[\(i)]\n"
      case 2: text += #"{"time":"bad","type":"t","employee":"e"}"# + "\n"
      case 3: text += eventLine(#""note":"\#(String(repeating: "y", count: 3000))""#) + "\n"
      default: text += eventLine(i % 5 == 0 ? "" : #""id":\#(i),"rings":\#(i)"#) + "\n"
      }
    }
    text += eventLine(#""id":"last""#)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func read(_ path: String, threads: Int, blockSize: Int) throws -> EventLog {
    var log = EventLog()
    try JSONLinesFile.read(
      LogInput(path: path), layout: testLayout, threads: threads, blockSize: blockSize, into: &log)
    return log
  }

  // (2, 1 << 18): blocks of thousands of events, more than a partial log holds at first.
  @Test(arguments: [(1, 1 << 22), (1, 1000), (2, 1000), (2, 1 << 18), (3, 4096), (8, 257)])
  func sameLogWhateverTheThreadsAndBlocks(threads: Int, blockSize: Int) throws {
    try withScratchDirectory { dir in
      let path = try writeLog(in: dir)
      let expected = try LogReader(layout: testLayout, threads: 1).read(paths: [path])
      let log = try read(path, threads: threads, blockSize: blockSize)
      #expect(log.read == expected.read)
      #expect(log.rejected == expected.rejected)
      #expect(log.events.map(\.index) == Array(0..<log.events.count))
      #expect(log.events.map(\.line) == expected.events.map(\.line))
      #expect(log.events.map(\.id) == expected.events.map(\.id))
      #expect(log.events.last?.id == "last")
      #expect(log.events.last?.line == 5_001)
      #expect(log.rejected.count == 2 * 52)
    }
  }
}
