extension StandardsFormat {
  /// The format as a JSON Schema (draft 2020-12), for editors (`yaml-language-server`) and
  /// for other tools; `essence schema` prints it and the repository commits a copy.
  public static func jsonSchema() -> OrderedJSON {
    var definitions: [OrderedJSON.Member] = []
    collectDefinitions(.object(file), into: &definitions)
    return .object([
      "$schema": .string("https://json-schema.org/draft/2020-12/schema"),
      "$id": .string("https://essence.example/essence.schema.json"),
      "title": .string("Essence standards file (format 1)"),
      "description": .string(
        "A team's purpose and the standards, signals and patterns that serve it; see SPEC.md §1."),
      "$ref": .string("#/$defs/file"),
      "$defs": .object(definitions),
    ])
  }

  /// Adds a definition for every object reachable from `type`, each once, in first-use order.
  private static func collectDefinitions(_ type: SchemaType, into definitions: inout [OrderedJSON.Member]) {
    switch type {
    case .list(let element), .oneOrList(let element):
      collectDefinitions(element, into: &definitions)
    case .check:
      collectDefinitions(.object(relation), into: &definitions)
    case .object(let object):
      guard !definitions.contains(where: { $0.key == object.name }) else { return }
      definitions.append(.init(object.name, .null))
      let index = definitions.count - 1
      for key in object.keys { collectDefinitions(key.type, into: &definitions) }
      definitions[index].value = objectSchema(object)
    default:
      break
    }
  }

  private static func objectSchema(_ object: SchemaObject) -> OrderedJSON {
    var members: [OrderedJSON.Member] = [.init("type", .string("object"))]
    members.append(
      .init(
        "properties",
        .object(
          object.keys.map { key in
            var schema = typeSchema(key.type)
            if case .object(var inner) = schema {
              inner.insert(.init("description", .string(key.summary)), at: 0)
              schema = .object(inner)
            }
            return .init(key.name, schema)
          })))
    let required = object.keys.filter(\.required).map { OrderedJSON.string($0.name) }
    if !required.isEmpty { members.append(.init("required", .array(required))) }
    if object.name == relation.name {
      members += [.init("minProperties", .int(1)), .init("maxProperties", .int(1))]
    }
    if object.allowsExtensions { members.append(.init("patternProperties", .object(["^x-": .object([:])]))) }
    members.append(.init("additionalProperties", .bool(false)))
    return .object(members)
  }

  /// A value's schema.
  private static func typeSchema(_ type: SchemaType) -> OrderedJSON {
    let nonBlank = "\\S"
    switch type {
    case .version: return .object(["const": .int(1)])
    case .identifier: return .object(["type": .string("string"), "pattern": .string("^[a-z0-9-]+$")])
    case .fieldName: return .object(["type": .string("string"), "pattern": .string("^[A-Za-z_][A-Za-z0-9_]*$")])
    case .eventType, .expression, .text(nonEmpty: true):
      return .object(["type": .string("string"), "pattern": .string(nonBlank)])
    case .text(nonEmpty: false): return .object(["type": .string("string")])
    case .duration:
      return .object([
        "type": .string("string"),
        "pattern": .string("^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$"),
      ])
    case .positiveInteger: return .object(["type": .string("integer"), "minimum": .int(1)])
    case .choice(let words, _): return .object(["enum": .array(words.map { .string($0) })])
    case .list(let element): return .object(["type": .string("array"), "items": typeSchema(element)])
    case .oneOrList(let element):
      return .object([
        "anyOf": .array([
          typeSchema(element),
          .object(["type": .string("array"), "items": typeSchema(element), "minItems": .int(1)]),
        ])
      ])
    case .object(let object): return .object(["$ref": .string("#/$defs/\(object.name)")])
    case .check:
      return .object([
        "oneOf": .array([
          typeSchema(.expression), .object(["$ref": .string("#/$defs/\(relation.name)")]),
        ])
      ])
    case .fieldKinds:
      return .object([
        "type": .string("object"),
        "propertyNames": typeSchema(.fieldName),
        "additionalProperties": .object(["enum": .array(fieldKinds.map { .string($0) })]),
      ])
    case .anyMapping: return .object(["type": .string("object")])
    }
  }
}
