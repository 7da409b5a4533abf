import CEL
import EssenceCore
import Foundation
import Testing

/// The peers' edge log (bench/peers/edge.jsonl): its reading corner cases pin SPEC §7.
@Suite struct EdgeLogTests {
  let path = sharedDirectory + "/bench/peers/edge.jsonl"

  @Test func readsAndRejectsAsThePeers() throws {
    let log = try LogReader.read(paths: [path], layout: testLayout)
    #expect(log.read == 126)
    #expect(log.events.count == 119)
    #expect(log.rejected.count == 7)

    // Records without `want` are the ones to reject.
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let unwanted = lines.indices.filter { i in
      !lines[i].allSatisfy(\.isWhitespace) && !lines[i].contains(#""want""#)
    }.map { $0 + 1 }
    #expect(log.rejected.map(\.line) == unwanted)
    #expect(log.rejected.allSatisfy { $0.path == path })
  }

  @Test func rejectionReasons() throws {
    let log = try LogReader.read(paths: [path], layout: testLayout)
    let reasons = log.rejected.map(\.reason)
    #expect(reasons.count == 7)
    guard reasons.count == 7 else { return }
    #expect(reasons[0] == "missing required field 'time'")
    #expect(reasons[1] == "bad time '2026-11-21 09:00:00': expected RFC 3339 with an offset or 'Z'")
    #expect(reasons[2] == "bad time '2026-02-30T09:00:00Z': expected RFC 3339 with an offset or 'Z'")
    #expect(reasons[3] == "record is not an object")
    #expect(reasons[4].hasPrefix("invalid JSON: "))
    #expect(reasons[5] == "field 'employee' must be a non-empty string")
    #expect(reasons[6] == "field 'type' must be a non-empty string")
  }

  @Test func integerIDsAndOneInstantWrittenThreeWays() throws {
    let log = try LogReader.read(paths: [path], layout: testLayout)
    let byID = Dictionary(log.events.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let instants = ["p-f1", "p-f2", "p-f3"].compactMap { byID[$0]?.time }
    #expect(instants.count == 3)
    #expect(Set(instants).count == 1)
    #expect(log.events.contains { $0.id.allSatisfy(\.isNumber) })
  }
}
