import EssenceCore
import Foundation
import Testing

@Suite struct SchemaTests {
  /// The repository root, found from this file's path.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let fixtures = Bundle.module.resourceURL?.appendingPathComponent("Fixtures").path ?? ""

  @Test func committedSchemaIsUpToDate() throws {
    let committed = try String(contentsOf: Self.root.appendingPathComponent("essence.schema.json"), encoding: .utf8)
    // `essence schema` prints exactly this, followed by a newline.
    let generated = StandardsFormat.jsonSchema().rendered() + "\n"
    #expect(
      committed == generated,
      "essence.schema.json is out of date; run 'swift run essence schema > essence.schema.json'")
  }

  @Test func schemaDefinesEveryObjectOfTheFormat() throws {
    guard case .object(let members) = StandardsFormat.jsonSchema(),
      case .object(let definitions)? = members.first(where: { $0.key == "$defs" })?.value
    else { return #expect(Bool(false), "no $defs") }
    #expect(
      definitions.map(\.key) == [
        "file", "standard", "relation", "relation_body", "purpose_check", "deviation", "example", "signal",
        "response", "pattern",
      ])
  }

  /// Runs `python3` from `PATH` with arguments, returning its exit status and stdout.
  static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
  }

  static let hasJSONSchema = (try? python(["-c", "import jsonschema, yaml"]).status) == 0

  /// Python's `jsonschema` agrees with `essence validate` on which fixtures are structurally valid.
  ///
  /// Structurally valid means no `yaml.*` or `schema.*` error. Duplicate keys, alias bombs and
  /// deep nesting are left out: PyYAML keeps the last duplicate, shares aliased nodes and has no
  /// depth bound.
  @Test(.enabled(if: hasJSONSchema)) func jsonSchemaAgreesWithValidate() throws {
    let standards = Self.fixtures + "/standards"
    var essence: [String: Bool] = [:]
    var paths: [String] = []
    for folder in ["broken", "valid"] {
      for name in try FileManager.default.contentsOfDirectory(atPath: standards + "/" + folder)
      where name.hasSuffix(".yaml") {
        paths.append(standards + "/" + folder + "/" + name)
      }
    }
    // The shipped standards and the benchmark's, when present, must satisfy both too.
    let shipped = Self.root.appendingPathComponent("Standards").path
    paths += ((try? FileManager.default.contentsOfDirectory(atPath: shipped)) ?? [])
      .filter { $0.hasSuffix(".yaml") }.map { shipped + "/" + $0 }
    paths += ["/work/shared/bench/standards/bench.yaml"].filter { FileManager.default.fileExists(atPath: $0) }
    for path in paths {
      let diagnostics = StandardsLoader.load(paths: [path]).diagnostics.filter { $0.severity == .error }
      if diagnostics.contains(where: { ["yaml.duplicate_key", "yaml.alias_bomb", "yaml.too_deep"].contains($0.id) }) {
        continue
      }
      essence[path] = !diagnostics.contains { $0.id.hasPrefix("yaml.") || $0.id.hasPrefix("schema.") }
    }
    let (status, output) = try Self.python(
      [Self.fixtures + "/jsonschema/check.py", Self.root.appendingPathComponent("essence.schema.json").path]
        + essence.keys.sorted())
    try #require(status == 0, "check.py failed")
    var python: [String: Bool] = [:]
    for line in output.split(separator: "\n") {
      let parts = line.split(separator: " ", maxSplits: 1)
      if parts.count == 2 { python[String(parts[1])] = parts[0] == "valid" }
    }
    #expect(essence.count >= 40)
    for (path, valid) in essence.sorted(by: { $0.key < $1.key }) {
      #expect(
        python[path] == valid,
        "\(URL(fileURLWithPath: path).lastPathComponent): essence says \(valid ? "valid" : "invalid")")
    }
  }
}
