import ArgumentParser
import EssenceCore
import Foundation

/// The report formats `evaluate` writes.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, csv, markdown, html

  /// The reporter that writes this format.
  var reporter: any Reporter {
    switch self {
    case .text: TextReporter()
    case .json: JSONReporter()
    case .csv: CSVReporter()
    case .markdown: MarkdownReporter()
    case .html: HTMLReporter()
    }
  }
}

/// `--format` and `--output`: how and where a report is written.
struct OutputOptions: ParsableArguments {
  @Option(help: "Report format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: ReportFormat = .text

  @Option(help: ArgumentHelp("Write the report to this file instead of stdout.", valueName: "file"))
  var output: String?

  /// Writes the report; a file that cannot be written prints why and exits 1.
  func write(_ report: String) throws {
    try Self.write(report, to: output)
  }

  /// Writes a report to a file, or to stdout when `output` is nil.
  static func write(_ report: String, to output: String?) throws {
    guard let output else {
      Console.output(report)
      return
    }
    do {
      try Data(report.utf8).write(to: URL(fileURLWithPath: output))
    } catch {
      Console.error("error: cannot write '\(output)': \(error.localizedDescription)\n")
      throw ExitCode.failure
    }
  }
}

/// The `--fail-on` threshold.
enum SeverityThreshold: String, ExpressibleByArgument, CaseIterable {
  case info, minor, major, critical

  var severity: Severity {
    switch self {
    case .info: .info
    case .minor: .minor
    case .major: .major
    case .critical: .critical
    }
  }
}
