import ArgumentParser
import EssenceCore

extension EssenceCommand {
  /// `essence explain --standards PATH... LOG... --event ID`: why each rule said what it said.
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "explain",
      abstract: "Explain every finding on one event, in sentences and then as a trace.",
      discussion: """
        For each finding: what happened against the letter, the deviation that applied (its when, \
        evidence, limit and approval) or why none did, the purpose checks, the related events, what \
        the deviation serves and the team's purpose; then the value of every sub-expression. For rules \
        that did not judge the event, which 'on', 'scope' or 'when' ruled them out. Exits 1 for an \
        unknown event or rule id, 2 for invalid standards, 3 for an unreadable log.
        """)

    /// How the explanation is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, json
    }

    @OptionGroup var standards: StandardsOptions
    @OptionGroup var logs: LogOptions

    @Option(help: ArgumentHelp("The id of the event to explain.", valueName: "id"))
    var event: String

    @Option(help: ArgumentHelp("Explain only this rule's finding.", valueName: "id"))
    var rule: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
      let set = try standards.load()
      var log = EventLog()
      try logs.read(for: set, into: &log)
      switch ExplainQuery(set: set, log: log).explain(event: event, rule: rule) {
      case .failure(let error):
        Console.error("error: \(error)\n")
        throw ExitCode.failure
      case .success(let explained):
        let identity = Evaluation.Standards(set)
        let reporter = ExplainReporter(standards: identity, rules: set.ruleInfos)
        switch format {
        case .text: Console.output(reporter.generateReport(explained))
        case .json: Console.output(reporter.generateJSON(explained))
        }
      }
    }
  }
}
