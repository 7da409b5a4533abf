import ArgumentParser
import EssenceCore

/// The shift logs a command reads (SPEC §2).
struct LogOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Shift logs: .jsonl, .ndjson, .csv, .yaml or .yml; '-' reads JSON Lines from stdin.", valueName: "log"))
  var logs: [String] = []

  @Option(help: "Threads that read and judge the logs (default: one per core); the results do not depend on it.")
  var threads: Int?

  func validate() throws {
    if logs.isEmpty { throw ValidationError("missing shift log: give at least one log file, or '-' for stdin") }
    if let threads, threads < 1 { throw ValidationError("'--threads' expects a positive number, got \(threads)") }
  }

  /// Reads every log for `engine` to judge: records keep only the fields judging reads (the
  /// log is the run's bulk memory), and the engine's log indexes events as they are read.
  func read(judgedBy engine: Engine, for set: StandardsSet) throws -> EventLog {
    var log = engine.emptyLog()
    try read(for: set, keeping: set.fieldsRead, into: &log)
    return log
  }

  /// Reads every log with the set's event layout into `log`, keeping the fields in `keeping`
  /// (nil: every field); an unreadable log prints why and exits 3. `--threads` is set
  /// process-wide here, before reading, so judging uses the same width.
  func read(for set: StandardsSet, keeping: Set<String>? = nil, into log: inout EventLog) throws {
    var reader = LogReader(standards: set)
    reader.keeping = keeping
    if let threads {
      Parallel.width = threads
      reader.threads = threads
    }
    do {
      try reader.read(paths: logs, into: &log)
    } catch {
      Console.error("error: \(error)\n")
      throw ExitCode(3)
    }
  }
}
