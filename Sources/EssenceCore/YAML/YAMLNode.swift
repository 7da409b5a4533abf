/// A node of a parsed YAML document, with where it starts and ends in its file.
///
/// Aliases are expanded: a node reached through `*name` is a copy of the anchored node (with
/// the anchor's positions), so consumers never see anchors.
public struct YAMLNode: Sendable {
  /// What the node holds.
  public enum Content: Sendable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode])
    case mapping([YAMLPair])
  }

  /// The node's content.
  public var content: Content
  /// The explicit tag as written and resolved by libyaml (`tag:yaml.org,2002:str` for `!!str`),
  /// or nil when none was written.
  public var tag: String?
  /// The position of the node's first character (for a mapping or sequence, its first entry
  /// or opening bracket).
  public var start: SourceLocation
  /// The position just after the node's last character.
  public var end: SourceLocation

  /// Creates a node.
  public init(content: Content, tag: String? = nil, start: SourceLocation, end: SourceLocation) {
    self.content = content
    self.tag = tag
    self.start = start
    self.end = end
  }

  /// The scalar, when the node is one.
  public var scalar: YAMLScalar? {
    if case .scalar(let s) = content { return s }
    return nil
  }

  /// The entries, when the node is a sequence.
  public var sequence: [YAMLNode]? {
    if case .sequence(let items) = content { return items }
    return nil
  }

  /// The key/value pairs in written order, when the node is a mapping.
  public var mapping: [YAMLPair]? {
    if case .mapping(let pairs) = content { return pairs }
    return nil
  }

  /// The value of the first pair whose key is the plain or quoted string `key`.
  public subscript(key: String) -> YAMLNode? {
    mapping?.first { $0.key.scalar?.string == key }?.value
  }

  /// The resolved string when the node is a string scalar.
  public var string: String? { scalar?.string }

  /// What kind of node this is, in a diagnostic's words: "a string", "a mapping", "null".
  public var kindDescription: String {
    switch content {
    case .scalar(let s): s.value.kindDescription
    case .sequence: "a list"
    case .mapping: "a mapping"
    }
  }
}

/// A key and its value in a mapping.
public struct YAMLPair: Sendable {
  /// The key node (usually a string scalar).
  public var key: YAMLNode
  /// The value node.
  public var value: YAMLNode

  /// Creates a pair.
  public init(key: YAMLNode, value: YAMLNode) {
    self.key = key
    self.value = value
  }
}

/// A scalar as written, with its style and its YAML 1.2 core-schema value.
public struct YAMLScalar: Sendable {
  /// How the scalar was written: positions inside it map back to the file exactly only for
  /// single-line plain and quoted scalars.
  public enum Style: String, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
  }

  /// The scalar's text after YAML processing (escapes, folding).
  public var text: String
  /// How it was written.
  public var style: Style
  /// Its value by the core schema (a quoted or `!!str` scalar is always a string).
  public var value: YAMLValue

  /// Creates a scalar.
  public init(text: String, style: Style, value: YAMLValue) {
    self.text = text
    self.style = style
    self.value = value
  }

  /// The text when the value is a string.
  public var string: String? {
    if case .string(let s) = value { return s }
    return nil
  }
}

/// A scalar's value by the YAML 1.2 core schema.
public enum YAMLValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case int(Int64)
  case double(Double)
  case string(String)

  /// True for `.string`.
  public var isString: Bool {
    if case .string = self { return true }
    return false
  }

  /// The kind, in a diagnostic's words.
  public var kindDescription: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .int: "an integer"
    case .double: "a number"
    case .string: "a string"
    }
  }
}
