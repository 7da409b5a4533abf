import ArgumentParser

extension EssenceCommand {
  // Scaffolding: replaced by the issue that builds 'schema'.
  struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schema")
    func run() throws { throw ValidationError("'schema' is not built yet") }
  }
}
