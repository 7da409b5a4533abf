import ArgumentParser
import EssenceCore

extension EssenceCommand {
  /// `essence test PATH...`: runs the `examples:` under every standard, signal and pattern.
  struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "test",
      abstract: "Run the examples written under every rule.",
      discussion: """
        Each example's event, with its related events, is judged by the whole set and must get the \
        verdict (and deviation) written under it. A failing example prints its location, the \
        expected and actual verdict and why. The last line is 'N passed, N failed'; exits 1 when \
        any example fails or the standards have errors (SPEC §5: errors in 'test' exit 1).
        """)

    @Argument(help: "Standards files, or directories read for *.yaml and *.yml.")
    var paths: [String]

    @Option(help: "Run only the examples of this rule.")
    var rule: String?

    func run() throws {
      let loaded = StandardsLoader.loadSet(paths: paths)
      let errors = loaded.diagnostics.filter { $0.severity == .error }
      guard let set = loaded.set, errors.isEmpty else {
        Console.error(TextDiagnosticRenderer().render(errors))
        throw ExitCode.failure
      }
      let infos = set.ruleInfos
      if let rule, !infos.contains(where: { $0.id == rule }) {
        Console.error("error: no rule with id '\(rule)' in the standards\n")
        throw ExitCode.failure
      }
      let runner = ExampleRunner(set: set)
      let results = rule.map { runner.run(rule: $0) } ?? runner.run()
      var out = ""
      for result in results where !result.passed {
        out += Self.failure(result, rule: infos.first { $0.id == result.rule })
      }
      let failed = results.filter { !$0.passed }.count
      out += "\(results.count - failed) passed, \(failed) failed\n"
      Console.output(out)
      if failed > 0 { throw ExitCode.failure }
    }

    /// `path:line:column: error: example 2 of 'rule': expected robotic, got met`, then why.
    static func failure(_ result: ExampleResult, rule: RuleInfo?) -> String {
      func verdict(_ v: String, _ d: String?) -> String { d.map { "\(v) ('\($0)')" } ?? v }
      var out = "\(result.location): error: example \(result.number) of '\(result.rule)': "
      if let problem = result.problem { return out + problem + "\n" }
      out += "expected \(verdict(result.expectedVerdict, result.expectedDeviation)), "
      out += "got \(verdict(result.actualVerdict, result.actualDeviation))\n"
      if let finding = result.finding {
        out +=
          ExplainReporter.wrap(
            FindingNarrative(finding: finding, rule: rule, event: result.event).paragraph, indent: "    ") + "\n"
        out += "    because: \(finding.because)\n"
      } else {
        out += "    the rule did not judge the example's event (check its 'on', the file's 'scope' and its 'when')\n"
      }
      return out
    }
  }
}
