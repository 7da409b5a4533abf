import ArgumentParser
import EssenceCore

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

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

  /// Writes the report to `--output` or stdout, piece by piece; a file that cannot be written
  /// prints why and exits 1.
  func write(_ evaluation: Evaluation) throws {
    let reporter = format.reporter
    try Self.write(to: output) { reporter.writeReport(evaluation, to: $0) }
  }

  /// Writes what `produce` emits to the file `output`, or to stdout when it is nil; a file that
  /// cannot be written prints why and exits 1.
  static func write(to output: String?, _ produce: ((UnsafeBufferPointer<UInt8>) -> Void) -> Void) throws {
    var descriptor = STDOUT_FILENO
    if let output {
      // Opened where the path leads, as a shell's `>` opens it: a file written aside and
      // renamed over the path would replace a symbolic link, or a device, with a file.
      descriptor = open(output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
      guard descriptor >= 0 else {
        Console.error("error: cannot write '\(output)'\n")
        throw ExitCode.failure
      }
    }
    defer { if output != nil { close(descriptor) } }
    var space = FileSpace(descriptor: descriptor)
    produce {
      space.willWrite($0.count)
      Console.write($0, to: descriptor)
    }
    space.release()
  }
}

/// The `--fail-on` threshold: a severity, named as standards files name it.
extension Severity: ExpressibleByArgument {}
