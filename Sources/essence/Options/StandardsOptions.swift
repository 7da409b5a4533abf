import ArgumentParser
import EssenceCore

/// `--standards PATH`: the standards set a command judges with.
struct StandardsOptions: ParsableArguments {
  @Option(
    name: .customLong("standards"),
    help: ArgumentHelp(
      "A standards file, or a directory read for *.yaml and *.yml; repeat for more.", valueName: "path"))
  var paths: [String] = []

  func validate() throws {
    if paths.isEmpty { throw ValidationError("missing '--standards <path>': which standards should judge the logs?") }
  }

  /// Loads and compiles the set; on any error prints the diagnostics to stderr and exits 2
  /// (SPEC §5: invalid standards).
  func load() throws -> StandardsSet {
    let (set, diagnostics) = StandardsLoader.load(paths: paths)
    let errors = diagnostics.filter { $0.severity == .error }
    guard let set, errors.isEmpty else {
      Console.error(TextDiagnosticRenderer().render(errors))
      Console.error("error: the standards are invalid (\(errors.count) \(errors.count == 1 ? "error" : "errors"))\n")
      throw ExitCode(2)
    }
    return set
  }
}
