import ArgumentParser

extension EssenceCommand {
  // Scaffolding: replaced by the issue that builds 'explain'.
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain")
    func run() throws { throw ValidationError("'explain' is not built yet") }
  }
}
