import EssenceCore
import Testing

/// The terminal report: every listed finding in its verdict's section with its reason, and the
/// same text whether written whole or in pieces.
@Suite struct TextReporterTests {
  @Test func every_listed_finding_is_in_its_section_with_its_reason() throws {
    let evaluation = try ReportFixture.load().evaluation
    let report = TextReporter().generateReport(evaluation)
    // Each section ends with its last line's end (a blank line follows, or the report ends).
    let sections = report.components(separatedBy: "\n\n").map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }
    for finding in evaluation.findings {
      let lines =
        "  \(finding.time)  \(finding.employee)  \(finding.rule) [\(finding.severity.rawValue)]  event \(finding.event)\n"
        + "      \(finding.because)\n"
      let section = sections.first { $0.hasPrefix("\(finding.verdict.rawValue): ") }
      #expect(section?.contains(lines) == true, "\(finding.event) \(finding.rule)")
    }
  }

  @Test func recognition_quotes_the_employee_and_names_what_the_deviation_served() throws {
    let evaluation = try ReportFixture.load().evaluation
    let report = TextReporter().generateReport(evaluation)
    for finding in evaluation.findings where finding.verdict == .justified {
      let serves = try #require(finding.explanation.deviation?.serves)
      #expect(report.contains("      it served: \(serves)\n"))
      if let note = finding.note, !note.isEmpty { #expect(report.contains("      in their words: \"\(note)\"\n")) }
    }
  }

  @Test func written_in_pieces_is_the_whole_report() throws {
    let evaluation = try ReportFixture.load().evaluationWithMet
    var pieces: [UInt8] = []
    TextReporter().writeReport(evaluation) { pieces += $0 }
    #expect(String(decoding: pieces, as: UTF8.self) == TextReporter().generateReport(evaluation))
  }
}
