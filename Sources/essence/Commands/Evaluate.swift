import ArgumentParser

extension EssenceCommand {
  // Scaffolding: replaced by the issue that builds 'evaluate'.
  struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "evaluate")
    func run() throws { throw ValidationError("'evaluate' is not built yet") }
  }
}
