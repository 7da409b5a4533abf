import ArgumentParser
import EssenceCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

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

    /// How text diagnostics look.
    enum DiagnosticsStyle: String, ExpressibleByArgument, CaseIterable {
      case plain, annotated
    }

    @Option(help: "Text diagnostics: plain, or annotated with the source line and a caret.")
    var diagnosticsStyle: DiagnosticsStyle = .plain

    func run() throws {
      let result = StandardsLoader.loadSet(paths: paths)
      let diagnostics = strict ? result.diagnostics.promotingWarnings() : result.diagnostics
      let errors = diagnostics.filter { $0.severity == .error }.count
      switch format {
      case .text:
        let summary = TextDiagnosticRenderer.summary(
          errors: errors, warnings: diagnostics.count - errors, files: result.files.count)
        let sha = result.set.map { " (sha256 \($0.sha256))" } ?? ""
        var sources: [String: String] = [:]
        if diagnosticsStyle == .annotated {
          for path in result.files {
            sources[path] = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
          }
        }
        let text = TextDiagnosticRenderer(sources: sources).render(diagnostics)
        Console.error(text + summary + sha + "\n")
      case .json:
        var standards: [OrderedJSON.Member] = [.init("files", .array(result.files.map { .string($0) }))]
        if let set = result.set { standards.insert(.init("sha256", .string(set.sha256)), at: 0) }
        let document = JSONDiagnosticRenderer().document(diagnostics, extra: [.init("standards", .object(standards))])
        Console.output(document.rendered() + "\n")
      case .sarif:
        Console.output(SARIFDiagnosticRenderer().render(diagnostics))
      case .github:
        Console.output(GitHubDiagnosticRenderer().render(diagnostics))
      }
      if errors > 0 { throw ExitCode.failure }
    }
  }
}
