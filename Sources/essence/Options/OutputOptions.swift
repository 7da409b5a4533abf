import ArgumentParser
import EssenceCore
import Foundation

/// The report formats `evaluate` writes.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json

  /// The reporter that writes this format.
  var reporter: any Reporter {
    switch self {
    case .text: TextReporter()
    case .json: JSONReporter()
    }
  }
}

/// `--format` and `--output`: how and where a report is written.
struct OutputOptions: ParsableArguments {
  @Option(help: "Report format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: ReportFormat = .text

  @Option(help: ArgumentHelp("Write the report to this file instead of stdout.", valueName: "file"))
  var output: String?

  /// Writes the report to `--output` or stdout, piece by piece; a file that cannot be written
  /// prints why and exits 1.
  func write(_ evaluation: Evaluation) throws {
    let reporter = format.reporter
    guard let output else {
      reporter.writeReport(evaluation) { Console.output($0) }
      return
    }
    guard FileManager.default.createFile(atPath: output, contents: nil),
      let handle = FileHandle(forWritingAtPath: output)
    else {
      Console.error("error: cannot write '\(output)'\n")
      throw ExitCode.failure
    }
    defer { try? handle.close() }
    reporter.writeReport(evaluation) { handle.write(Data($0)) }
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
