#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Reads YAML files into documents of located nodes.
///
/// The only way into libyaml: the standards loader and the YAML shift-log reader both use it.
public enum YAMLReader {
  /// Bounds that keep a hostile file from exhausting memory.
  public struct Limits: Sendable {
    /// Most nodes aliases may add to one document ("billion laughs"); nodes written out in
    /// the file do not count, so a long log without aliases is never refused.
    public var maxNodesPerDocument: Int

    /// Deepest nesting of sequences and mappings: deeper files are refused before nodes nested
    /// that deep can exhaust the stack.
    public var maxDepth: Int

    /// Creates limits.
    public init(maxNodesPerDocument: Int = 10_000, maxDepth: Int = 512) {
      self.maxNodesPerDocument = maxNodesPerDocument
      self.maxDepth = maxDepth
    }
  }

  /// The documents of a YAML stream and the problems found reading it.
  public struct Result: Sendable {
    /// The documents read, in order; after a fatal error, only those before it.
    public var documents: [YAMLNode]
    /// Syntax errors, unknown tags, duplicate keys, alias bombs.
    public var diagnostics: [Diagnostic]

    /// True when any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
  }

  /// Parses YAML text (UTF-8) into documents.
  /// - Parameters:
  ///   - bytes: the file's contents.
  ///   - path: the path to name in locations, as the user gave it.
  ///   - limits: expansion bounds.
  /// - Returns: the documents and every problem found.
  public static func parse(_ bytes: [UInt8], path: String, limits: Limits = Limits()) -> Result {
    let parser = LibYAMLParser(bytes: withoutByteOrderMark(bytes), path: path, limits: limits)
    return parser.run()
  }

  /// Parses a YAML string into documents.
  public static func parse(_ text: String, path: String, limits: Limits = Limits()) -> Result {
    parse(Array(text.utf8), path: path, limits: limits)
  }

  /// Reads and parses a file; an unreadable file gives one `yaml.unreadable` error.
  public static func parseFile(atPath path: String, limits: Limits = Limits()) -> Result {
    guard let data = FileManager.default.contents(atPath: path) else {
      let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
      return Result(
        documents: [],
        diagnostics: [Diagnostic(.yamlUnreadable(reason), at: SourceLocation(path: path, line: 1, column: 1))])
    }
    return parse([UInt8](data), path: path, limits: limits)
  }

  /// The bytes without a leading UTF-8 byte order mark, which some editors write and which
  /// is not part of the first line's text.
  static func withoutByteOrderMark(_ bytes: [UInt8]) -> [UInt8] {
    bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
  }
}
