import CEL

/// Builds the model from a file's nodes after ``SchemaValidator`` has checked them, so it
/// reads quietly (a node of the wrong shape is simply skipped); only CEL diagnostics are
/// emitted here.
struct StandardsDecoder {
  /// Compiles every expression.
  let compiler: ConditionCompiler
  /// Where CEL diagnostics go.
  var engine: DiagnosticEngine

  /// The file, or nil when a required part is missing or did not compile.
  mutating func file(_ root: YAMLNode, path: String) -> StandardsFile? {
    let scope = optionalCondition(root["scope"])
    let standards = list(root["standards"]) { $0.standard($1) }
    let signals = list(root["signals"]) { $0.signal($1) }
    let patterns = list(root["patterns"]) { $0.pattern($1) }
    guard let team = root["team"]?.string, let purpose = root["purpose"]?.string, Self.compiled(scope),
      let standards, let signals, let patterns
    else { return nil }
    return StandardsFile(
      path: path, team: team, purpose: purpose, description: root["description"]?.string, scope: scope ?? nil,
      fields: Self.fields(root), standards: standards, signals: signals, patterns: patterns)
  }

  /// The `fields:` declarations with valid names and kinds, in file order.
  static func fields(_ root: YAMLNode) -> [FieldDeclaration] {
    (root["fields"]?.mapping ?? []).compactMap { pair in
      guard let name = pair.key.string, SchemaValidator.isFieldName(name),
        let kind = pair.value.string.flatMap(FieldDeclaration.Kind.init(rawValue:))
      else { return nil }
      return FieldDeclaration(name: name, kind: kind, location: pair.key.start)
    }
  }

  // MARK: - Shared pieces

  /// True unless an optional condition is present but did not compile.
  static func compiled(_ condition: Condition??) -> Bool {
    condition.map { $0 != nil } ?? true
  }

  /// An optional CEL key: `.some(nil)` when present but broken, `.none` when absent.
  mutating func optionalCondition(_ node: YAMLNode?, withOther: Bool = false) -> Condition?? {
    guard let node else { return .none }
    return .some(compiler.compile(node, withOther: withOther, into: &engine))
  }

  /// `expect`: a CEL string or a relation mapping.
  mutating func check(_ node: YAMLNode?) -> Check? {
    guard let node else { return nil }
    if node.scalar != nil { return compiler.compile(node, into: &engine).map(Check.condition) }
    guard let pairs = node.mapping, pairs.count == 1, let pair = pairs.first, let name = pair.key.string,
      let kind = Relation.Kind(rawValue: name)
    else { return nil }
    let body = pair.value
    let within = body["within"]?.string.flatMap(GoDuration.nanoseconds)
    let condition = optionalCondition(body["where"], withOther: true)
    guard let on = Self.strings(body["on"]), let within, Self.compiled(condition) else { return nil }
    return .relation(
      Relation(
        kind: kind, on: on, same: Self.strings(body["same"]) ?? [], withinNanos: within, where: condition ?? nil,
        location: node.start))
  }

  /// A string or a list of strings (`on: a` or `on: [a, b]`).
  static func strings(_ node: YAMLNode?) -> [String]? {
    guard let node else { return nil }
    if let single = node.string { return [single] }
    guard let items = node.sequence else { return nil }
    let strings = items.compactMap(\.string)
    return strings.count == items.count && !strings.isEmpty ? strings : nil
  }

  /// A severity, defaulting to `minor`.
  static func severity(_ node: YAMLNode?) -> Severity? {
    guard let node else { return .minor }
    return node.string.flatMap(Severity.init(rawValue:))
  }

  /// A list of mappings decoded one by one; nil when any fails.
  mutating func list<T>(_ node: YAMLNode?, _ decode: (inout StandardsDecoder, YAMLNode) -> T?) -> [T]? {
    let decoded = (node?.sequence ?? []).map { decode(&self, $0) }
    return decoded.allSatisfy { $0 != nil } ? decoded.compactMap { $0 } : nil
  }
}
