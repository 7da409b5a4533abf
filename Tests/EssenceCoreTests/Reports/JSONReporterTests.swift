import Foundation
import Testing

@testable import EssenceCore

/// SPEC §6: the report is valid JSON whose findings say what the engine found, and strings
/// survive any bytes a log or standards file can hold.
@Suite struct JSONReporterTests {
  @Test func every_finding_reads_back_as_the_finding_it_was_written_from() throws {
    try expectFindingsReadBack(try ReportFixture.load().evaluationWithMet)
  }

  /// More findings than one batch, so several are written at once on several cores.
  @Test(
    .enabled(if: FileManager.default.fileExists(atPath: EngineGoldenTests.bench), "needs ../shared/bench"))
  func findings_of_many_batches_read_back_in_order() throws {
    let (set, diagnostics) = StandardsLoader.load(paths: [EngineGoldenTests.bench])
    let standards = try #require(set, "\(diagnostics)")
    let logPath = EngineGoldenTests.fixtures.appendingPathComponent("shift-5000-seed13.jsonl").path
    let log = try LogReader.read(paths: [logPath], layout: standards.layout)
    let evaluation = Engine(set: standards).evaluate(log, options: Engine.Options(includeMet: true))
    #expect(evaluation.findings.count > FindingBatches.size)
    try expectFindingsReadBack(evaluation)
  }

  @Test func written_in_pieces_is_the_whole_report() throws {
    let evaluation = try ReportFixture.load().evaluationWithMet
    var pieces: [UInt8] = []
    JSONReporter().writeReport(evaluation) { pieces += $0 }
    #expect(String(decoding: pieces, as: UTF8.self) == JSONReporter().generateReport(evaluation))
  }

  private func expectFindingsReadBack(_ evaluation: Evaluation) throws {
    let data = Data(JSONReporter().generateReport(evaluation).utf8)
    let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let written = try #require(report["findings"] as? [[String: Any]])
    #expect(written.count == evaluation.findings.count)
    for (json, finding) in zip(written, evaluation.findings) {
      let source = json["source"] as? [String: Any]
      let same =
        json["event"] as? String == finding.event && json["employee"] as? String == finding.employee
        && json["time"] as? String == finding.time && json["rule"] as? String == finding.rule
        && json["kind"] as? String == finding.kind.rawValue && json["verdict"] as? String == finding.verdict.rawValue
        && json["severity"] as? String == finding.severity.rawValue
        && json["deviation"] as? String == finding.deviation && json["because"] as? String == finding.because
        && source?["path"] as? String == finding.source.path && source?["line"] as? Int == finding.source.line
      if !same {
        Issue.record("finding of \(finding.event) under \(finding.rule) written as \(json)")
        return
      }
    }
  }

  // MARK: - Strings

  struct Text: Sendable, CustomTestStringConvertible {
    var text: String
    var testDescription: String { text.debugDescription }
  }

  static let texts: [Text] = [
    "", "plain", "say \"hi\"", "back\\slash", "tab\there", "two\nlines\r\n", "nul \u{0} and \u{1F}", "del \u{7F}",
    "é, 日本, 👋", "a quote at the end of a long string of more than sixteen bytes\"",
  ].map { Text(text: $0) }

  @Test(arguments: texts) func a_string_reads_back_as_written(_ case: Text) throws {
    var out = JSONBytes()
    out.string(`case`.text)
    let json = "[\(out.text)]"
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String])
    #expect(parsed == [`case`.text])
  }

  @Test(arguments: texts) func a_string_built_in_place_is_written_like_any_other(_ case: Text) {
    var whole = JSONBytes()
    whole.string(`case`.text)
    var inPlace = JSONBytes()
    inPlace.raw("x")
    inPlace.string { $0.append(`case`.text) }
    #expect(inPlace.text == "x" + whole.text)
  }

  /// Every length around the word and double-word steps, with the byte JSON must escape at
  /// every position, and bytes it must not escape.
  @Test func finds_what_needs_escaping_at_any_position() {
    for length in 1...40 {
      for position in 0..<length {
        for special: UInt8 in [0x00, 0x0A, 0x1F, 0x22, 0x5C] {
          var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
          bytes[position] = special
          #expect(bytes.withUnsafeBufferPointer { JSONBytes.needsEscaping($0) }, "\(bytes)")
        }
        for plain: UInt8 in [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xFF] {
          var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
          bytes[position] = plain
          #expect(!bytes.withUnsafeBufferPointer { JSONBytes.needsEscaping($0) }, "\(bytes)")
        }
      }
    }
  }

  @Test func a_plain_string_is_copied_as_it_is() {
    var out = JSONBytes()
    out.string("e-00033480")
    out.string("2026-11-02T08:08:54Z")
    #expect(out.text == "\"e-00033480\"\"2026-11-02T08:08:54Z\"")
  }

  @Test func control_characters_use_the_short_escapes_where_json_has_them() {
    var out = JSONBytes()
    out.string("\u{8}\t\n\r\u{1B}\"\\")
    #expect(out.text == #""\u0008\t\n\r\u001b\"\\""#)
  }
}
