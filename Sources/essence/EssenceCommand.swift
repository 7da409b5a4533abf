import ArgumentParser

/// The `essence` command: validate standards, evaluate shift logs, explain verdicts.
@main
struct EssenceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "essence",
    abstract: "A purpose-aligned performance standards engine.",
    subcommands: [Validate.self, Evaluate.self, Explain.self, Huddle.self, Test.self, Schema.self, Expr.self]
  )
}
