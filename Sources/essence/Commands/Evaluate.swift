import ArgumentParser
import EssenceCore

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

extension EssenceCommand {
  /// `essence evaluate --standards PATH... LOG...`: judges shift logs and reports the verdicts.
  struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "evaluate",
      abstract: "Judge shift logs against standards and report every verdict.",
      discussion: """
        Exits 0 when done, 1 when a finding needing attention reaches --fail-on, 2 when the \
        standards are invalid, 3 when a log cannot be read (or, with --strict, a record is rejected).
        """)

    @OptionGroup var standards: StandardsOptions
    @OptionGroup var logs: LogOptions
    @OptionGroup var output: OutputOptions

    @Option(
      help:
        "Exit 1 when a robotic, pending, unjustified, missed, error or unanswered finding has this severity or higher.")
    var failOn: Severity?

    @Option(help: "Report only this employee's findings and tally.")
    var employee: String?

    @Flag(help: "Exit 3 when any record of the logs is rejected.")
    var strict = false

    @Flag(help: "List met findings too.")
    var includeMet = false

    func run() throws {
      let set = try standards.load()
      let engine = Engine(set: set)
      let log = try logs.read(judgedBy: engine, for: set)
      let evaluation = engine.evaluate(log, options: Engine.Options(includeMet: includeMet, employee: employee))
      try output.write(evaluation)
      var code: Int32 = 0
      if strict && !log.rejected.isEmpty {
        Console.error(
          "error: \(log.rejected.count) rejected \(log.rejected.count == 1 ? "record" : "records") (--strict)\n")
        code = 3
      } else if let failOn, evaluation.needsAttention(atOrAbove: failOn) {
        code = 1
      }
      // Leave without tearing down a million events: the report is written, and freeing them
      // one by one would only make the user wait.
      #if canImport(Darwin)
        Darwin.exit(code)
      #elseif canImport(Glibc)
        Glibc.exit(code)
      #else
        Musl.exit(code)
      #endif
    }
  }
}
