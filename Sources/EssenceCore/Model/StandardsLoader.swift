import CEL

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Loads standards files into one compiled ``StandardsSet``, collecting every problem.
public enum StandardsLoader {
  /// The outcome of loading: the set when nothing is an error, and every diagnostic found,
  /// sorted by location.
  public struct Result: Sendable {
    /// The compiled set; nil when any diagnostic is an error.
    public var set: StandardsSet?
    /// Every problem found, sorted by path, line and column.
    public var diagnostics: [Diagnostic]
    /// The files read, in set order.
    public var files: [String]
  }

  /// The fields every event has, first in every layout.
  public static let builtinFields: [(name: String, type: CELType)] = [
    ("id", .string), ("type", .string), ("employee", .string), ("time", .timestamp),
  ]

  /// Loads files and directories (read recursively for `*.yaml`/`*.yml`); the set's files are
  /// sorted by path.
  public static func load(paths: [String]) -> (set: StandardsSet?, diagnostics: [Diagnostic]) {
    let result = loadSet(paths: paths)
    return (result.set, result.diagnostics)
  }

  /// As ``load(paths:)``, also naming the files read.
  public static func loadSet(paths: [String]) -> Result {
    var engine = DiagnosticEngine()
    var sources: [(path: String, bytes: [UInt8])] = []
    for path in standardsFiles(paths, into: &engine) {
      if let data = FileManager.default.contents(atPath: path) {
        sources.append((path, [UInt8](data)))
      } else {
        let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
        engine.emit(.yamlUnreadable(reason), at: SourceLocation(path: path, line: 1, column: 1))
      }
    }
    var result = load(sources: sources)
    result.diagnostics = (engine.diagnostics + result.diagnostics).sortedByLocation()
    if engine.hasErrors { result.set = nil }
    return result
  }

  /// Loads files already in memory (tests, stdin); sorted by path like files on disk.
  public static func load(sources: [(path: String, bytes: [UInt8])]) -> Result {
    var engine = DiagnosticEngine()
    // One file named twice (`Standards/` and `Standards/a.yaml`, or `./a.yaml`) is read once,
    // under the first spelling given.
    var unique: [String: (path: String, bytes: [UInt8])] = [:]
    for source in sources {
      let key = URL(fileURLWithPath: source.path).standardizedFileURL.path
      if unique[key] == nil { unique[key] = source }
    }
    let ordered = unique.values.sorted { $0.path < $1.path }

    var roots: [(path: String, root: YAMLNode)] = []
    for (path, bytes) in ordered {
      guard let root = parseFile(bytes, path: path, into: &engine) else { continue }
      var validator = SchemaValidator(engine: engine)
      validator.validateFile(root)
      engine = validator.engine
      roots.append((path, root))
    }

    let layout = RecordLayout(fields: builtinFields + declaredFields(roots.map(\.root), into: &engine))
    var decoder = StandardsDecoder(compiler: ConditionCompiler(layout: layout, sources: ordered), engine: engine)
    let files = roots.compactMap { decoder.file($0.root, path: $0.path) }
    engine = decoder.engine
    SetValidation.check(roots.map(\.root), into: &engine)
    RuleValidation.check(roots.map(\.root), into: &engine)
    FieldReferenceValidation.check(roots.map(\.root), layout: layout, into: &engine)

    let complete = !engine.hasErrors && files.count == ordered.count
    let set = complete ? StandardsSet(files: files, sha256: sha256(ordered), layout: layout) : nil
    return Result(set: set, diagnostics: engine.diagnostics.sortedByLocation(), files: ordered.map(\.0))
  }

  /// The file's single document, or nil after reporting why there is none usable.
  private static func parseFile(_ bytes: [UInt8], path: String, into engine: inout DiagnosticEngine) -> YAMLNode? {
    let parsed = YAMLReader.parse(bytes, path: path)
    engine.emit(contentsOf: parsed.diagnostics)
    let fatal = parsed.diagnostics.contains {
      ["yaml.syntax", "yaml.alias_bomb", "yaml.too_deep", "yaml.unreadable"].contains($0.id)
    }
    guard !fatal else { return nil }
    if parsed.documents.count > 1 {
      engine.emit(.oneDocument(), at: parsed.documents[1].start)
    }
    let start = SourceLocation(path: path, line: 1, column: 1)
    return parsed.documents.first
      ?? YAMLNode(content: .mapping([]), start: start, end: start)
  }

  /// The union of every file's `fields:` after the built-in ones; a field declared with two
  /// kinds is an error at the second declaration.
  private static func declaredFields(_ roots: [YAMLNode], into engine: inout DiagnosticEngine) -> [(
    name: String, type: CELType
  )] {
    var kinds: [String: (kind: FieldDeclaration.Kind, at: SourceLocation?)] = [:]
    for field in builtinFields { kinds[field.name] = (builtinKind(field.type), nil) }
    var fields: [(name: String, type: CELType)] = []
    for root in roots {
      for field in StandardsDecoder.fields(root) {
        guard let earlier = kinds[field.name] else {
          kinds[field.name] = (field.kind, field.location)
          fields.append((field.name, celType(field.kind)))
          continue
        }
        if earlier.kind != field.kind {
          let note =
            earlier.at.map { Diagnostic.Note("first declared here", at: $0) }
            ?? Diagnostic.Note("'\(field.name)' is a field every event has")
          engine.emit(
            .fieldConflict(field.name, kind: field.kind.rawValue, earlier: earlier.kind.rawValue), at: field.location,
            notes: [note])
        }
      }
    }
    return fields
  }

  private static func builtinKind(_ type: CELType) -> FieldDeclaration.Kind {
    type == .timestamp ? .time : .string
  }

  /// The checker type of a declared kind.
  public static func celType(_ kind: FieldDeclaration.Kind) -> CELType {
    switch kind {
    case .string: .string
    case .number: .number
    case .bool: .bool
    case .time: .timestamp
    case .duration: .duration
    case .list: .list(.dyn)
    case .map: .map(key: .string, value: .dyn)
    case .any: .dyn
    }
  }

  /// SHA-256 over each file in set order: its path, a NUL byte, its bytes.
  static func sha256(_ files: [(String, [UInt8])]) -> String {
    var hasher = SHA256()
    for (path, bytes) in files {
      hasher.update(path.utf8)
      hasher.update([0])
      hasher.update(bytes)
    }
    return hasher.finalize()
  }

  /// The standards files named by `paths`: files as given, directories searched recursively
  /// for `*.yaml`/`*.yml`.
  static func standardsFiles(_ paths: [String], into engine: inout DiagnosticEngine) -> [String] {
    var files: [String] = []
    for path in paths {
      var isDirectory = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory else {
        files.append(path)
        continue
      }
      let found = DirectoryListing.paths(under: path)
        .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        .map { (path.hasSuffix("/") ? path : path + "/") + $0 }
        .sorted()
      if found.isEmpty { engine.emit(.noFiles(path), at: SourceLocation(path: path, line: 1, column: 1)) }
      files += found
    }
    return files
  }
}
