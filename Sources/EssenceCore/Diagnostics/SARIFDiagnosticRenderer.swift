/// Renders diagnostics as SARIF 2.1.0, the format GitHub code scanning uploads
/// (`github/codeql-action/upload-sarif`).
public struct SARIFDiagnosticRenderer: DiagnosticRenderer {
  /// The `--format` name.
  public static let identifier = "sarif"

  /// The tool's version, shown by code scanning.
  public var toolVersion: String

  /// Creates a renderer.
  public init(toolVersion: String = "1.0.0") {
    self.toolVersion = toolVersion
  }

  /// The SARIF log, pretty-printed, ending in a newline.
  public func render(_ diagnostics: [Diagnostic]) -> String {
    log(diagnostics).rendered() + "\n"
  }

  /// The SARIF log as a value.
  public func log(_ diagnostics: [Diagnostic]) -> OrderedJSON {
    var ruleIDs: [String] = []
    for d in diagnostics where !ruleIDs.contains(d.id) { ruleIDs.append(d.id) }
    let rules: [OrderedJSON] = ruleIDs.map { id in
      .object([
        "id": .string(id),
        "shortDescription": .object(["text": .string(Self.ruleDescription(id))]),
      ])
    }
    let driver: OrderedJSON = .object([
      "name": .string("essence"),
      "version": .string(toolVersion),
      "rules": .array(rules),
    ])
    let results: [OrderedJSON] = diagnostics.map { d in
      // Notes without a place of their own read best as more lines of the message.
      let text = ([d.message] + d.notes.filter { $0.location == nil }.map(\.message)).joined(separator: "\n")
      var members: [OrderedJSON.Member] = [
        .init("ruleId", .string(d.id)),
        .init("ruleIndex", .int(ruleIDs.firstIndex(of: d.id) ?? 0)),
        .init("level", .string(d.severity.rawValue)),
        .init("message", .object(["text": .string(text)])),
        .init("locations", .array([Self.location(d.location)])),
      ]
      let located = d.notes.compactMap { note in note.location.map { (note, $0) } }
      if !located.isEmpty {
        members.append(
          .init(
            "relatedLocations",
            .array(
              located.enumerated().map { i, pair in
                Self.location(pair.1, id: i, message: pair.0.message)
              })))
      }
      return .object(members)
    }
    return .object([
      "$schema": .string("https://json.schemastore.org/sarif-2.1.0.json"),
      "version": .string("2.1.0"),
      "runs": .array([
        .object([
          // Our columns count Unicode scalars, as libyaml does; SARIF's default is UTF-16 units.
          "tool": .object(["driver": driver]), "columnKind": .string("unicodeCodePoints"), "results": .array(results),
        ])
      ]),
    ])
  }

  private static func location(_ at: SourceLocation, id: Int? = nil, message: String? = nil) -> OrderedJSON {
    var members: [OrderedJSON.Member] = []
    if let id { members.append(.init("id", .int(id))) }
    members.append(
      .init(
        "physicalLocation",
        .object([
          "artifactLocation": .object(["uri": .string(uri(at.path))]),
          "region": .object(["startLine": .int(max(at.line, 1)), "startColumn": .int(max(at.column, 1))]),
        ])))
    if let message { members.append(.init("message", .object(["text": .string(message)]))) }
    return .object(members)
  }

  /// A path as a URI reference: code scanning resolves a relative one against the checkout.
  private static func uri(_ path: String) -> String {
    var out = ""
    let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    if relative.hasPrefix("/") { out = "file://" }
    for scalar in relative.unicodeScalars {
      if scalar.isASCII,
        scalar == "/" || scalar == "." || scalar == "-" || scalar == "_" || scalar == "~"
          || (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
      {
        out.unicodeScalars.append(scalar)
      } else {
        for byte in String(scalar).utf8 {
          let hex = String(byte, radix: 16, uppercase: true)
          out += "%" + (hex.count == 1 ? "0" : "") + hex
        }
      }
    }
    return out
  }

  /// A short description of a rule id, from its domain.
  private static func ruleDescription(_ id: String) -> String {
    switch id.split(separator: ".").first {
    case "yaml": "YAML problem in a standards file"
    case "schema": "standards file does not follow the format"
    case "set": "problem across the standards set"
    case "rule": "a rule that may not do what was meant"
    case "cel": "problem in a CEL expression"
    default: "standards problem"
    }
  }
}
