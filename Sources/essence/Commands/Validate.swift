import ArgumentParser

extension EssenceCommand {
  // Scaffolding: replaced by the issue that builds 'validate'.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate")
    func run() throws { throw ValidationError("'validate' is not built yet") }
  }
}
