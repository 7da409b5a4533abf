internal import CLibYAML

/// Owns one libyaml parser and builds located nodes from its events.
///
/// A class so `deinit` frees libyaml's memory; never shared across threads.
final class LibYAMLParser {
  private let parser: UnsafeMutablePointer<yaml_parser_t>
  private let input: UnsafeMutableBufferPointer<UInt8>
  private let bytes: [UInt8]
  private let path: String
  private let limits: YAMLReader.Limits
  private var initialized = false

  private var diagnostics: [Diagnostic] = []
  private var documents: [YAMLNode] = []
  private var stack: [Frame] = []
  private var anchors: [String: Built] = [:]
  /// Nodes that aliases copied into the current document.
  private var aliasedNodes = 0

  /// A node under construction, with its node count (aliases expanded).
  private struct Built {
    var node: YAMLNode
    var size: Int
  }

  /// An open sequence or mapping.
  private struct Frame {
    var isMapping: Bool
    var items: [YAMLNode] = []
    var pairs: [YAMLPair] = []
    var pendingKey: YAMLNode?
    var firstKeys: [String: SourceLocation] = [:]
    var size = 1
    var anchor: String?
    var tag: String?
    var start: SourceLocation
  }

  init(bytes: [UInt8], path: String, limits: YAMLReader.Limits) {
    self.bytes = bytes
    self.path = path
    self.limits = limits
    parser = .allocate(capacity: 1)
    // libyaml reads the input in place, so it needs a buffer that outlives every parse call.
    input = .allocate(capacity: max(bytes.count, 1))
    _ = input.initialize(from: bytes)
    if yaml_parser_initialize(parser) == 1 {
      initialized = true
      yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
      yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
    }
  }

  deinit {
    if initialized { yaml_parser_delete(parser) }
    parser.deallocate()
    input.deallocate()
  }

  /// Parses the whole stream.
  func run() -> YAMLReader.Result {
    guard initialized else {
      diagnostics.append(
        Diagnostic(.yamlUnreadable("out of memory"), at: SourceLocation(path: path, line: 1, column: 1)))
      return YAMLReader.Result(documents: [], diagnostics: diagnostics)
    }
    var event = yaml_event_t()
    while true {
      guard yaml_parser_parse(parser, &event) == 1 else {
        reportParserError()
        break
      }
      let keepGoing = handle(event)
      let isEnd = event.type == YAML_STREAM_END_EVENT
      yaml_event_delete(&event)
      if !keepGoing || isEnd { break }
    }
    return YAMLReader.Result(documents: documents, diagnostics: diagnostics)
  }

  // MARK: - Events

  /// Handles one event; false stops the parse (an alias bomb, nesting past the bound).
  private func handle(_ event: yaml_event_t) -> Bool {
    let start = location(event.start_mark)
    let end = location(event.end_mark)
    switch event.type {
    case YAML_DOCUMENT_START_EVENT:
      anchors = [:]
      aliasedNodes = 0
      stack = []
    case YAML_SCALAR_EVENT:
      let data = event.data.scalar
      var text = string(data.value, length: data.length)
      let tag = data.tag.map { string($0) }
      let style = scalarStyle(data.style)
      let value = resolve(text, tag: tag, style: style, at: start)
      if let tag, style == .plain, Self.isLocal(tag) {
        // `!has(event.x)` was meant as an expression: keep the text as written, so later checks
        // see what the author wrote instead of an empty value.
        text = text.isEmpty ? tag : tag + " " + text
      }
      let scalar = YAMLScalar(text: text, style: style, value: value.isString ? .string(text) : value)
      let node = YAMLNode(content: .scalar(scalar), tag: tag, start: start, end: end)
      return add(Built(node: node, size: 1), anchor: data.anchor.map { string($0) }, aliased: 0)
    case YAML_ALIAS_EVENT:
      let name = string(event.data.alias.anchor)
      guard let built = anchors[name] else {
        diagnostics.append(Diagnostic(.yamlUnknownAlias(name), at: start))
        let null = YAMLNode(content: .scalar(YAMLScalar(text: "", style: .plain, value: .null)), start: start, end: end)
        return add(Built(node: null, size: 1), anchor: nil, aliased: 0)
      }
      return add(built, anchor: nil, aliased: built.size, at: start)
    case YAML_SEQUENCE_START_EVENT where stack.count >= limits.maxDepth,
      YAML_MAPPING_START_EVENT where stack.count >= limits.maxDepth:
      diagnostics.append(Diagnostic(.yamlTooDeep(limit: limits.maxDepth), at: start))
      return false
    case YAML_SEQUENCE_START_EVENT:
      let data = event.data.sequence_start
      let tag = data.tag.map { string($0) }
      checkCollectionTag(tag, expected: "tag:yaml.org,2002:seq", at: start)
      stack.append(Frame(isMapping: false, anchor: data.anchor.map { string($0) }, tag: tag, start: start))
    case YAML_MAPPING_START_EVENT:
      let data = event.data.mapping_start
      let tag = data.tag.map { string($0) }
      checkCollectionTag(tag, expected: "tag:yaml.org,2002:map", at: start)
      stack.append(Frame(isMapping: true, anchor: data.anchor.map { string($0) }, tag: tag, start: start))
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      guard let frame = stack.popLast() else { return true }
      let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
      let node = YAMLNode(content: content, tag: frame.tag, start: frame.start, end: end)
      return add(Built(node: node, size: frame.size), anchor: frame.anchor, aliased: 0)
    default:
      break
    }
    return true
  }

  /// Attaches a finished node to its parent (or makes it the document's root), counting
  /// the `aliased` nodes an alias copied toward the expansion bound.
  private func add(_ built: Built, anchor: String?, aliased: Int, at location: SourceLocation? = nil) -> Bool {
    if let anchor { anchors[anchor] = built }
    guard countAliased(aliased, at: location ?? built.node.start) else { return false }
    guard !stack.isEmpty else {
      documents.append(built.node)
      return true
    }
    // Mutate the open collection in place: copying a frame would copy its entries.
    let top = stack.count - 1
    stack[top].size += built.size
    if !stack[top].isMapping {
      stack[top].items.append(built.node)
    } else if let key = stack[top].pendingKey {
      stack[top].pairs.append(YAMLPair(key: key, value: built.node))
      stack[top].pendingKey = nil
    } else {
      checkDuplicate(key: built.node, in: &stack[top])
      stack[top].pendingKey = built.node
    }
    return true
  }

  /// Counts nodes copied by aliases; false (with a diagnostic) once the document passes the bound.
  private func countAliased(_ nodes: Int, at location: SourceLocation) -> Bool {
    aliasedNodes += nodes
    guard aliasedNodes > limits.maxNodesPerDocument else { return true }
    diagnostics.append(Diagnostic(.yamlAliasBomb(limit: limits.maxNodesPerDocument), at: location))
    return false
  }

  private func checkDuplicate(key: YAMLNode, in frame: inout Frame) {
    guard let scalar = key.scalar else { return }
    // Most mappings are small: a scan beats building a dictionary for each of them.
    let first: SourceLocation?
    if frame.pairs.count < 16 {
      first = frame.pairs.first { $0.key.scalar?.text == scalar.text }?.key.start
    } else {
      if frame.firstKeys.isEmpty {
        for pair in frame.pairs.reversed() {
          if let text = pair.key.scalar?.text { frame.firstKeys[text] = pair.key.start }
        }
      }
      first = frame.firstKeys[scalar.text]
      if first == nil { frame.firstKeys[scalar.text] = key.start }
    }
    if let first {
      diagnostics.append(
        Diagnostic(.yamlDuplicateKey(scalar.text), at: key.start, notes: [.init("first defined here", at: first)]))
    }
  }

  // MARK: - Tags and scalars

  private static let corePrefix = "tag:yaml.org,2002:"

  private func resolve(_ text: String, tag: String?, style: YAMLScalar.Style, at start: SourceLocation) -> YAMLValue {
    guard let tag else { return style == .plain ? .resolvePlain(text) : .string(text) }
    if tag == "!" { return .string(text) }
    if tag.hasPrefix(Self.corePrefix), let value = YAMLValue.resolve(text, tag: tag) { return value }
    if tag.hasPrefix(Self.corePrefix),
      ["str", "null", "bool", "int", "float"].contains(tag.dropFirst(Self.corePrefix.count))
    {
      diagnostics.append(Diagnostic(.yamlBadTaggedValue(text, tag: displayTag(tag)), at: start))
    } else {
      reportUnknownTag(tag, at: start)
    }
    return .string(text)
  }

  private func checkCollectionTag(_ tag: String?, expected: String, at start: SourceLocation) {
    guard let tag, tag != "!", tag != expected else { return }
    reportUnknownTag(tag, at: start)
  }

  private func reportUnknownTag(_ tag: String, at start: SourceLocation) {
    // `expect: !has(event.x)` reads as tag `!has(event.x)`: the author meant an expression.
    diagnostics.append(Diagnostic(Self.isLocal(tag) ? .yamlLocalTag(tag) : .yamlUnknownTag(displayTag(tag)), at: start))
  }

  /// A tag written `!name`, not a `!!` core tag or a full URI.
  private static func isLocal(_ tag: String) -> Bool {
    tag.hasPrefix("!") && !tag.hasPrefix("!!") && tag != "!"
  }

  private func displayTag(_ tag: String) -> String {
    tag.hasPrefix(Self.corePrefix) ? "!!" + tag.dropFirst(Self.corePrefix.count) : tag
  }

  private func scalarStyle(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
    switch style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: .literal
    case YAML_FOLDED_SCALAR_STYLE: .folded
    default: .plain
    }
  }

  // MARK: - Errors

  private func reportParserError() {
    let p = parser.pointee
    let problem = p.problem.map { String(cString: $0) } ?? "invalid YAML"
    if p.error == YAML_READER_ERROR {
      diagnostics.append(Diagnostic(.yamlSyntax(problem.lowercased()), at: locationOfByte(p.problem_offset)))
      return
    }
    let error = YAMLSyntaxError(
      problem: problem, problemAt: location(p.problem_mark), context: p.context.map { String(cString: $0) },
      contextAt: location(p.context_mark),
      lines: String(decoding: bytes, as: UTF8.self).sourceLines)
    diagnostics.append(error.diagnostic)
  }

  private func locationOfByte(_ offset: Int) -> SourceLocation {
    let prefix = bytes.prefix(max(0, offset))
    let line = prefix.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
    let column = String(decoding: bytes[lineStart..<prefix.endIndex], as: UTF8.self).unicodeScalars.count + 1
    return SourceLocation(path: path, line: line, column: column)
  }

  private func location(_ mark: yaml_mark_t) -> SourceLocation {
    SourceLocation(path: path, line: mark.line + 1, column: mark.column + 1)
  }

  private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>, length: Int) -> String {
    String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
  }

  private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> String {
    String(cString: pointer)
  }
}
