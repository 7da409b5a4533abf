import ArgumentParser
import EssenceCore

/// The shift logs a command reads (SPEC §2).
struct LogOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Shift logs: .jsonl, .ndjson, .csv, .yaml or .yml; '-' reads JSON Lines from stdin.", valueName: "log"))
  var logs: [String] = []

  func validate() throws {
    if logs.isEmpty { throw ValidationError("missing shift log: give at least one log file, or '-' for stdin") }
  }

  /// Reads every log with the set's event layout, keeping the fields in `keeping` (nil: every
  /// field); an unreadable log prints why and exits 3.
  func read(for set: StandardsSet, keeping: Set<String>? = nil) throws -> EventLog {
    var reader = LogReader(standards: set)
    reader.keeping = keeping
    do {
      return try reader.read(paths: logs)
    } catch {
      Console.error("error: \(error)\n")
      throw ExitCode(3)
    }
  }
}
