import ArgumentParser
import EssenceCore
import Foundation

extension EssenceCommand {
  /// `essence validate PATH...`: checks standards files and reports every problem at once.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "validate",
      abstract: "Check standards files and report every problem.",
      discussion: """
        Text diagnostics go to stderr with a one-line summary; json, sarif and github reports go to \
        stdout. Exits 1 when there is an error (or, with --strict, a warning), else 0.
        """)

    /// How diagnostics are printed.
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
      case text, json, sarif, github
    }

    @Argument(help: "Standards files, or directories read for *.yaml and *.yml.")
    var paths: [String]

    @Option(help: "Output format: text, json, sarif or github.")
    var format: OutputFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
      let result = StandardsLoader.loadSet(paths: paths)
      let diagnostics = strict ? result.diagnostics.promotingWarnings() : result.diagnostics
      let errors = diagnostics.filter { $0.severity == .error }.count
      switch format {
      case .text:
        let summary = TextDiagnosticRenderer.summary(
          errors: errors, warnings: diagnostics.count - errors, files: result.files.count)
        let sha = result.set.map { " (sha256 \($0.sha256))" } ?? ""
        FileHandle.standardError.write(Data((TextDiagnosticRenderer().render(diagnostics) + summary + sha + "\n").utf8))
      case .json:
        var standards: [OrderedJSON.Member] = [.init("files", .array(result.files.map { .string($0) }))]
        if let set = result.set { standards.insert(.init("sha256", .string(set.sha256)), at: 0) }
        let document = JSONDiagnosticRenderer().document(diagnostics, extra: [.init("standards", .object(standards))])
        print(document.rendered())
      case .sarif:
        print(SARIFDiagnosticRenderer().render(diagnostics), terminator: "")
      case .github:
        print(GitHubDiagnosticRenderer().render(diagnostics), terminator: "")
      }
      if errors > 0 { throw ExitCode.failure }
    }
  }
}
