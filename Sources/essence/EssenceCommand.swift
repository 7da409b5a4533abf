import ArgumentParser
import CMallocTuning

/// The `essence` command: validate standards, evaluate shift logs, explain verdicts.
@main
struct EssenceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "essence",
    abstract: "A purpose-aligned performance standards engine.",
    subcommands: [Validate.self, Evaluate.self, Explain.self, Huddle.self, Test.self, Schema.self, Expr.self]
  )

  /// Blocks of a megabyte or more are mapped apart and given back when freed: a large log's
  /// blocks are read back and let go as it is judged and reported (``EventStore``), and the
  /// arrays of its million events grow by copying, so a heap that kept every such block once
  /// freed held a tenth of the run's memory for nothing.
  static func main() {
    _ = essence_map_large_blocks_above(1 << 20)
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      exit(withError: error)
    }
  }
}
