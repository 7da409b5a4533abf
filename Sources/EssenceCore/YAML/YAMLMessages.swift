/// The YAML layer's diagnostics, alphabetised by factory name.
extension DiagnosticMessage {
  static func yamlAliasBomb(limit: Int) -> DiagnosticMessage {
    .error("yaml.alias_bomb", "aliases expand this document by more than \(limit) nodes; refusing to expand further")
  }

  static func yamlBadTaggedValue(_ text: String, tag: String) -> DiagnosticMessage {
    .error("yaml.tag", "'\(text)' is not a valid value for tag '\(tag)'")
  }

  static func yamlDuplicateKey(_ key: String) -> DiagnosticMessage {
    .error("yaml.duplicate_key", "duplicate key '\(key)'")
  }

  static func yamlLocalTag(_ tag: String) -> DiagnosticMessage {
    .error("yaml.tag", "unknown tag '\(tag)'; did you mean to quote it?")
  }

  static func yamlSyntax(_ text: String) -> DiagnosticMessage {
    .error("yaml.syntax", text)
  }

  static func yamlTooDeep(limit: Int) -> DiagnosticMessage {
    .error("yaml.too_deep", "lists and mappings nest more than \(limit) levels deep; refusing to read further")
  }

  static func yamlUnknownAlias(_ name: String) -> DiagnosticMessage {
    .error("yaml.unknown_alias", "unknown alias '*\(name)'; an alias must follow its anchor '&\(name)'")
  }

  static func yamlUnknownTag(_ tag: String) -> DiagnosticMessage {
    .error("yaml.tag", "unknown tag '\(tag)'; only the core schema tags are allowed")
  }

  static func yamlUnreadable(_ reason: String) -> DiagnosticMessage {
    .error("yaml.unreadable", "cannot read file: \(reason)")
  }
}
