import EssenceCore
import Testing
import _EssenceTestSupport

/// SPEC §6 columns, RFC 4180 quoting, and a file a spreadsheet opens cleanly.
@Suite struct CSVReporterTests {
  @Test func matches_the_snapshot() throws {
    assertSnapshot(CSVReporter().generateReport(try ReportFixture.load().evaluation), named: "report.csv")
  }

  @Test func has_the_spec_columns_and_one_row_per_finding() throws {
    let evaluation = try ReportFixture.load().evaluation
    let rows = try #require(CSVRecords.parse(CSVReporter().generateReport(evaluation)))
    #expect(
      rows.first == [
        "event", "employee", "time", "rule", "kind", "verdict", "severity", "deviation", "because", "source_path",
        "source_line",
      ])
    #expect(rows.count == evaluation.findings.count + 1)
    #expect(rows.allSatisfy { $0.count == 11 })
    let justified = try #require(rows.first { $0.first == "e-14" })
    #expect(justified[5] == "justified" && justified[7] == "helping-a-customer" && justified[9] == "desk.yaml")
  }

  @Test func ends_records_with_crlf_and_doubles_quotes() throws {
    let csv = CSVReporter().generateReport(try ReportFixture.load().evaluation)
    #expect(csv.hasSuffix("\r\n"))
    #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    // The call greeting's `because` quotes 'Thank you for calling' and has commas: one quoted field.
    let rows = try #require(CSVRecords.parse(csv))
    #expect(rows.contains { $0[8].contains("startsWith('Thank you for calling')") })
  }

  struct Cell: Sendable, CustomTestStringConvertible {
    var text: String
    var written: String
    var testDescription: String { text.debugDescription }
  }

  static let cells: [Cell] = [
    Cell(text: "plain", written: "plain"),
    Cell(text: "a, b", written: "\"a, b\""),
    Cell(text: "say \"hi\"", written: "\"say \"\"hi\"\"\""),
    Cell(text: "two\nlines", written: "\"two\nlines\""),
    Cell(text: "=HYPERLINK(\"x\")", written: "\"'=HYPERLINK(\"\"x\"\")\""),
    Cell(text: "@SUM(A1)", written: "'@SUM(A1)"),
    Cell(text: "-12.5", written: "-12.5"),
  ]

  @Test(arguments: cells) func quotes_and_defuses_a_cell(_ cell: Cell) {
    let record = CSVReporter.row([cell.text])
    #expect(record == cell.written + "\r\n")
  }
}

/// A small RFC 4180 reader, to check the report reads back as the fields it was written from.
enum CSVRecords {
  static func parse(_ text: String) -> [[String]]? {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" {
            field.append("\"")
            chars.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
      } else if c == "\"" && field.isEmpty {
        quoted = true
      } else if c == "," {
        record.append(field)
        field = ""
      } else if c == "\r\n" {
        record.append(field)
        records.append(record)
        record = []
        field = ""
      } else if c == "\n" || c == "\r" {
        return nil
      } else {
        field.append(c)
      }
    }
    return quoted || !record.isEmpty || !field.isEmpty ? nil : records
  }
}
