import CEL

/// Field names written outside expressions (`evidence`, `same`, `per`) must be declared, as
/// the CEL checker asks of `event.<name>`: a misspelt evidence field makes every use of its
/// deviation unjustified, and a misspelt `same` field makes a relation match nothing.
enum FieldReferenceValidation {
  /// Warns about every undeclared field named in a rule, suggesting a declared one.
  static func check(_ roots: [YAMLNode], layout: RecordLayout, into engine: inout DiagnosticEngine) {
    var references: [(key: String, node: YAMLNode)] = []
    func add(_ key: String, _ list: YAMLNode?) {
      references += (list?.sequence ?? []).map { (key, $0) }
    }
    func addRelation(_ check: YAMLNode?) {
      for pair in check?.mapping ?? [] where pair.key.string.flatMap(Relation.Kind.init(rawValue:)) != nil {
        add("same", pair.value["same"])
      }
    }
    for root in roots {
      for standard in root["standards"]?.sequence ?? [] {
        addRelation(standard["expect"])
        for check in standard["purpose_checks"]?.sequence ?? [] { addRelation(check["expect"]) }
        for deviation in standard["deviations"]?.sequence ?? [] { add("evidence", deviation["evidence"]) }
      }
      for signal in root["signals"]?.sequence ?? [] { add("same", signal["response"]?["same"]) }
      for pattern in root["patterns"]?.sequence ?? [] { add("per", pattern["per"]) }
    }
    for (key, node) in references {
      guard let name = node.string, SchemaValidator.isFieldName(name), layout.slot(of: name) == nil else { continue }
      engine.emit(
        .undeclaredFieldReference(name, key: key), at: node.start,
        notes: SchemaValidator.didYouMean(name, among: layout.names))
    }
  }
}
