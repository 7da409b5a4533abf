import ArgumentParser

extension EssenceCommand {
  // Scaffolding: replaced by the issue that builds 'huddle'.
  struct Huddle: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "huddle")
    func run() throws { throw ValidationError("'huddle' is not built yet") }
  }
}
