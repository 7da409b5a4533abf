/// Checks a standards file's structure against ``StandardsFormat``.
///
/// It checks keys, types, ids, durations and fixed words. Expressions are compiled later, against the set's fields.
struct SchemaValidator {
  /// Where every problem goes.
  var engine: DiagnosticEngine

  /// Checks a file's root node.
  mutating func validateFile(_ root: YAMLNode) {
    guard root.mapping != nil else { return engine.emit(.rootType(found: root.kindDescription), at: root.start) }
    validateObject(root, StandardsFormat.file)
  }

  /// Checks a node against a type; `key` names it in messages.
  mutating func validate(_ node: YAMLNode, as type: SchemaType, key: String) {
    switch type {
    case .version:
      guard let scalar = node.scalar else { return mismatch(node, type, key) }
      if scalar.value != .int(1) { engine.emit(.badVersion(scalar.text), at: node.start) }
    case .identifier:
      guard let text = string(node, type, key) else { return }
      if !Self.isIdentifier(text) {
        engine.emit(.badID(text, what: key == "team" ? "team name" : "id"), at: node.start)
      }
    case .fieldName:
      guard let text = string(node, type, key) else { return }
      if !Self.isFieldName(text) { engine.emit(.badFieldName(text), at: node.start) }
    case .eventType, .expression:
      guard let text = string(node, type, key) else { return }
      if text.allSatisfy(\.isWhitespace) { engine.emit(.emptyValue(key), at: node.start) }
    case .text(let nonEmpty):
      guard let text = string(node, type, key) else { return }
      if nonEmpty && text.allSatisfy(\.isWhitespace) { engine.emit(.emptyValue(key), at: node.start) }
    case .duration:
      guard let text = string(node, type, key) else { return }
      if GoDuration.nanoseconds(text) == nil { engine.emit(.badDuration(text), at: node.start) }
    case .positiveInteger:
      guard case .int(let n)? = node.scalar?.value else { return mismatch(node, type, key) }
      if n < 1 { engine.emit(.nonPositive(key), at: node.start) }
    case .choice(let words, let id):
      guard let text = string(node, type, key) else { return }
      if !words.contains(text) {
        engine.emit(
          id == "schema.bad_severity" ? .badSeverity(text) : .badValue(text, key: key, choices: words), at: node.start)
      }
    case .list(let element):
      guard let items = node.sequence else { return mismatch(node, type, key) }
      for item in items { validate(item, as: element, key: key) }
    case .oneOrList(let element):
      guard let items = node.sequence else { return validate(node, as: element, key: key) }
      if items.isEmpty { engine.emit(.emptyValue(key), at: node.start) }
      for item in items { validate(item, as: element, key: key) }
    case .object(let object):
      guard node.mapping != nil else { return mismatch(node, type, key) }
      validateObject(node, object)
    case .check:
      if node.scalar != nil { return validate(node, as: .expression, key: key) }
      guard let pairs = node.mapping else { return mismatch(node, type, key) }
      let kinds = pairs.filter { pair in pair.key.string.map { Relation.Kind(rawValue: $0) != nil } ?? false }
      if kinds.count != 1 { engine.emit(.badRelation(kinds.count), at: node.start) }
      validateObject(node, StandardsFormat.relation, requireKeys: false)
    case .fieldKinds:
      guard let pairs = node.mapping else { return mismatch(node, type, key) }
      for pair in pairs {
        validate(pair.key, as: .fieldName, key: "fields")
        guard let kind = string(pair.value, .choice(StandardsFormat.fieldKinds, id: ""), pair.key.scalar?.text ?? key)
        else { continue }
        if FieldDeclaration.Kind(rawValue: kind) == nil { engine.emit(.badFieldKind(kind), at: pair.value.start) }
      }
    case .anyMapping:
      if node.mapping == nil { mismatch(node, type, key) }
    }
  }

  /// Checks a mapping's keys (unknown, missing) and each known key's value.
  private mutating func validateObject(_ node: YAMLNode, _ object: SchemaObject, requireKeys: Bool = true) {
    let pairs = node.mapping ?? []
    let place = Self.place(of: node, object)
    var present: Set<String> = []
    for pair in pairs {
      guard let name = pair.key.scalar?.text else {
        engine.emit(
          .wrongType(expected: "a string key", key: object.noun, found: pair.key.kindDescription), at: pair.key.start)
        continue
      }
      present.insert(name)
      if object.isExtension(name) { continue }
      guard let key = object.key(name) else {
        var notes = Self.didYouMean(name, among: object.keys.map(\.name))
        if name == "<<" {
          notes = [.init("YAML 1.2 has no merge keys; anchor each value you reuse under an 'x-' key instead")]
        }
        engine.emit(.unknownKey(name, in: place), at: pair.key.start, notes: notes)
        continue
      }
      validate(pair.value, as: key.type, key: name)
    }
    guard requireKeys else { return }
    for key in object.keys where key.required && !present.contains(key.name) {
      engine.emit(.missingKey(key.name, in: place), at: node.start)
    }
  }

  /// The node's string, or nil after reporting that it is not one.
  private mutating func string(_ node: YAMLNode, _ type: SchemaType, _ key: String) -> String? {
    if let text = node.string { return text }
    mismatch(node, type, key)
    return nil
  }

  private mutating func mismatch(_ node: YAMLNode, _ type: SchemaType, _ key: String) {
    engine.emit(.wrongType(expected: Self.describe(type), key: key, found: node.kindDescription), at: node.start)
  }

  // MARK: - Words

  /// "standard 'lunch-return'", or "the standards file".
  static func place(of node: YAMLNode, _ object: SchemaObject) -> String {
    if object.name == StandardsFormat.file.name { return "the standards file" }
    guard let id = node["id"]?.string else { return object.noun }
    return "\(object.noun) '\(id)'"
  }

  /// What a type expects, after "expected".
  static func describe(_ type: SchemaType) -> String {
    switch type {
    case .version: "the format version 1"
    case .identifier: "an id (a string)"
    case .fieldName: "a field name (a string)"
    case .eventType: "an event type (a string)"
    case .text: "a string"
    case .expression: "a CEL expression (a string)"
    case .duration: "a duration such as '10m'"
    case .positiveInteger: "a whole number"
    case .choice(let words, _): "one of " + words.map { "'\($0)'" }.joined(separator: ", ")
    case .list: "a list"
    case .oneOrList(let element): "\(describe(element)) or a list of them"
    case .object, .anyMapping: "a mapping"
    case .check: "a CEL expression or a relation mapping"
    case .fieldKinds: "a mapping of field names to types"
    }
  }

  /// True for an id: `[a-z0-9-]+`.
  static func isIdentifier(_ text: String) -> Bool {
    !text.isEmpty
      && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }

  /// True for a field name: `[A-Za-z_][A-Za-z0-9_]*`.
  static func isFieldName(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
    return text.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
    }
  }

  /// The closest known word, when it is close enough to be a likely typo.
  static func suggestion(for word: String, among candidates: [String]) -> String? {
    // Each candidate allows about one edit per three of its characters (at most 3), so a short
    // name is not suggested for a long, unrelated word.
    candidates.map { ($0, editDistance(word, $0)) }
      .filter { $0.1 <= max(1, min(3, $0.0.count / 3)) }
      .min { $0.1 < $1.1 }?.0
  }

  /// A "did you mean" note naming the closest known word, or none when no word is close.
  static func didYouMean(_ word: String, among candidates: [String]) -> [Diagnostic.Note] {
    suggestion(for: word, among: candidates).map { [Diagnostic.Note("did you mean '\($0)'?")] } ?? []
  }

  /// Levenshtein distance over Unicode scalars.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    var row = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      var previous = row[0]
      row[0] = i
      for j in stride(from: 1, through: b.count, by: 1) {
        let current = row[j]
        row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
        previous = current
      }
    }
    return row[b.count]
  }
}
