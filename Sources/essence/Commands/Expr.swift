import ArgumentParser

extension EssenceCommand {
  // Scaffolding: replaced by the issue that builds 'expr'.
  struct Expr: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "expr")
    func run() throws { throw ValidationError("'expr' is not built yet") }
  }
}
