import ArgumentParser
import EssenceCore

extension EssenceCommand {
  /// `essence schema`: prints the JSON Schema of the standards format.
  struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "schema",
      abstract: "Print the JSON Schema (2020-12) of the standards format.",
      discussion: "Point an editor at it: '# yaml-language-server: $schema=essence.schema.json'.")

    func run() throws {
      Console.output(StandardsFormat.jsonSchema().rendered() + "\n")
    }
  }
}
