import ArgumentParser

extension EssenceCommand {
  // Scaffolding: replaced by the issue that builds 'test'.
  struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test")
    func run() throws { throw ValidationError("'test' is not built yet") }
  }
}
