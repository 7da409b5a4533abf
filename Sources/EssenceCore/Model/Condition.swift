import CEL

/// A compiled CEL expression from a standards file, with where it was written.
public struct Condition: Sendable {
  /// The expression as written.
  public var source: String
  /// Where the expression's first character is in the standards file.
  public var location: SourceLocation
  /// The parsed expression (for explanations).
  public var ast: Expr
  /// The compiled program.
  public var program: Program

  /// Creates a condition.
  public init(source: String, location: SourceLocation, ast: Expr, program: Program) {
    self.source = source
    self.location = location
    self.ast = ast
    self.program = program
  }
}

/// An `expect` or purpose check: a CEL condition or a relation to other events (SPEC §3).
public enum Check: Sendable {
  case condition(Condition)
  case relation(Relation)
}

/// A time relation between the judged event and other events (SPEC §3).
public struct Relation: Sendable {
  /// Which way the relation looks, and whether it must hold or must not.
  public enum Kind: String, Sendable, CaseIterable {
    case followedBy = "followed_by"
    case notFollowedBy = "not_followed_by"
    case precededBy = "preceded_by"
    case notPrecededBy = "not_preceded_by"

    /// True for `followed_by`/`not_followed_by` (the window lies after the event).
    public var looksForward: Bool { self == .followedBy || self == .notFollowedBy }
    /// True for the `not_` kinds (the relation holds when no other event matches).
    public var isNegated: Bool { self == .notFollowedBy || self == .notPrecededBy }
  }

  public var kind: Kind
  /// Event types of the other event.
  public var on: [String]
  /// Fields that must be equal (CEL `==`) on both events.
  public var same: [String]
  /// Window length, in nanoseconds.
  public var withinNanos: Int64
  /// Optional CEL over `event` and `other`.
  public var `where`: Condition?
  /// Where the relation is written.
  public var location: SourceLocation

  /// Creates a relation.
  public init(
    kind: Kind, on: [String], same: [String], withinNanos: Int64, where: Condition?,
    location: SourceLocation
  ) {
    self.kind = kind
    self.on = on
    self.same = same
    self.withinNanos = withinNanos
    self.where = `where`
    self.location = location
  }
}
