import ArgumentParser
import CEL
import EssenceCore

extension EssenceCommand {
  /// `essence expr`: try one CEL expression against one event, as a standard would run it.
  struct Expr: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "expr",
      abstract: "Evaluates one CEL expression against one event.",
      discussion: """
        Prints the value in CEL syntax. Exits 0 on a value, 1 on an evaluation error, \
        2 on a syntax or type error.
        """)

    @Argument(help: "The CEL expression, e.g. \"event.break_minutes <= 45\".")
    var expression: String

    @Option(help: ArgumentHelp("The event as a JSON object, bound to 'event'.", valueName: "json"))
    var event: String?

    @Option(
      name: .customLong("declare"), parsing: .upToNextOption,
      help: ArgumentHelp(
        "Declared field types as name=type (string|number|bool|time|duration|list|map|any).", valueName: "name=type"))
    var declarations: [String] = []

    @Flag(help: "Prints the value of every sub-expression.")
    var trace = false

    func validate() throws {
      _ = try fieldDeclarations()
    }

    func run() throws {
      let declared = try fieldDeclarations()
      // Every event has these (SPEC §2), so they are declared with the user's fields.
      let required: [(name: String, kind: FieldDeclaration.Kind)] = [
        ("time", .time), ("type", .string), ("employee", .string), ("id", .any),
      ]
      let fields = declared + required.filter { field in !declared.contains { $0.name == field.name } }
      let layout = RecordLayout(fields: fields.map { ($0.name, StandardsLoader.celType($0.kind)) })
      let record = try Self.record(fromJSON: event ?? "{}", layout: layout, fields: fields)
      // Without declarations every field is as good as any other: no "undeclared" warnings.
      let environment = Environment(variables: [("event", declared.isEmpty ? .dyn : .record(layout))])
      let compilation = environment.compile(expression)
      let source = expression.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
      for diagnostic in compilation.diagnostics {
        var text = "\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.id)]\n"
        text += Self.caret(source, line: diagnostic.line, column: diagnostic.column)
        for note in diagnostic.notes { text += "note: \(note)\n" }
        Console.error(text)
      }
      guard let program = compilation.program, let ast = compilation.ast else { throw ExitCode(2) }

      let activation = Activation(values: [.record(record)])
      var value: Value
      if trace {
        var steps = Trace()
        value = program.evaluate(activation, trace: &steps)
        let scalars = Array(expression.unicodeScalars)
        // A macro expands into several nodes over the same source; the last one evaluated is
        // the macro's result, so only it is shown for that text.
        var lastForSpan: [Int: Int] = [:]
        for id in steps.order {
          guard let node = ast.node(id: id) else { continue }
          lastForSpan[node.offset * (scalars.count + 1) + node.endOffset] = id
        }
        for id in steps.order {
          guard let node = ast.node(id: id), let stepValue = steps[id],
            lastForSpan[node.offset * (scalars.count + 1) + node.endOffset] == id
          else { continue }
          // Literals and the whole event say nothing the expression does not already show.
          if case .literal = node.kind { continue }
          if case .record = stepValue { continue }
          var view = String.UnicodeScalarView()
          view.append(contentsOf: scalars[max(0, node.offset)..<min(node.endOffset, scalars.count)])
          let text = String(view).split(whereSeparator: \.isNewline).joined(separator: " ")
          print("\(text) = \(stepValue)")
        }
      } else {
        value = program.evaluate(activation)
      }
      guard case .error(let error) = value else {
        print(value)
        return
      }
      var text = "error: \(error.message)\n"
      if let id = error.exprID, let node = ast.node(id: id) {
        // A failed field selection points at the field's name, not at the start of its operand.
        var offset = node.offset
        if case .select(_, let field, _) = node.kind {
          offset = max(offset, node.endOffset - field.unicodeScalars.count)
        }
        let before = expression.unicodeScalars.prefix(offset)
        let line = before.filter { $0 == "\n" }.count + 1
        let column =
          before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0)
          + 1
        text += Self.caret(source, line: line, column: column)
      }
      Console.error(text)
      throw ExitCode(1)
    }

    /// `--declare name=type` pairs, checked.
    private func fieldDeclarations() throws -> [(name: String, kind: FieldDeclaration.Kind)] {
      try declarations.map { text in
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        let kinds = FieldDeclaration.Kind.allCases.map(\.rawValue).joined(separator: "|")
        guard parts.count == 2, !parts[0].isEmpty, let kind = FieldDeclaration.Kind(rawValue: parts[1]) else {
          throw ValidationError("expected --declare name=type with type one of \(kinds), got '\(text)'")
        }
        return (parts[0], kind)
      }
    }

    /// The source line and a caret under the column.
    private static func caret(_ lines: [Substring.UnicodeScalarView], line: Int, column: Int) -> String {
      guard line >= 1, line <= lines.count else { return "" }
      return "  " + String(String.UnicodeScalarView(lines[line - 1])) + "\n  "
        + String(repeating: " ", count: max(0, column - 1)) + "^\n"
    }

    /// The event: a JSON object read as a log line is read (its ints stay ints, doubles doubles);
    /// `time` and fields declared `time` or `duration` become timestamps and durations when they
    /// parse.
    private static func record(
      fromJSON text: String, layout: RecordLayout, fields: [(name: String, kind: FieldDeclaration.Kind)]
    ) throws -> Record {
      let members: [(name: String, value: Value)]
      do {
        members = try JSONDocument.members(ofObject: text)
      } catch .invalid(let reason) {
        throw ValidationError("--event is not valid JSON: \(reason)")
      } catch .notAnObject {
        throw ValidationError("--event must be a JSON object")
      } catch .duplicateKey(let key) {
        throw ValidationError("--event has the key '\(key)' twice")
      }
      let kinds = Dictionary(fields.map { ($0.name, $0.kind) }, uniquingKeysWith: { $1 })
      let values: [(name: String, value: Value)] = members.sorted { $0.name < $1.name }.map { member in
        var value = member.value
        if case .string(let s) = value {
          if member.name == "time" || kinds[member.name] == .time, let t = Timestamp(rfc3339: s) { value = .timestamp(t) }
          if kinds[member.name] == .duration, let d = CELDuration(text: s) { value = .duration(d) }
        }
        return (member.name, value)
      }
      return Record(layout: layout, fields: values)
    }
  }
}
