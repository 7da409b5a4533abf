/// A parsed CEL expression node.
///
/// Operators are calls with CEL's canonical names (`_+_`, `_&&_`, `!_`, `-_`, `_?_:_`,
/// `_[_]`, `@in`, `_==_`, ...), as in cel-go, so the checker and evaluator see one shape.
/// Every node keeps its position, so diagnostics and traces point into the source.
public struct Expr: Sendable {
  /// Unique within one parsed expression; traces are keyed by it.
  public var id: Int
  /// Offset of the node's first character in the source, in Unicode scalars.
  public var offset: Int
  /// Offset just past the node's last character, in Unicode scalars.
  public var endOffset: Int
  /// What the node is.
  public var kind: Kind

  /// Creates a node.
  public init(id: Int, offset: Int, endOffset: Int, kind: Kind) {
    self.id = id
    self.offset = offset
    self.endOffset = endOffset
    self.kind = kind
  }

  /// The kinds of expression node.
  public indirect enum Kind: Sendable {
    /// A literal: int, uint, double, string, bytes, bool, null.
    case literal(Value)
    /// A name: a variable, or a type name such as `int`.
    case ident(String)
    /// `operand.field`; with `testOnly`, the `has(operand.field)` macro.
    case select(operand: Expr, field: String, testOnly: Bool)
    /// A function or operator call; `target` is the receiver of `x.f(...)`.
    case call(function: String, target: Expr?, args: [Expr])
    /// `[a, b, ...]`.
    case list([Expr])
    /// `{k: v, ...}`.
    case map([MapEntry])
    /// An expanded macro (`all`, `exists`, `exists_one`, `map`, `filter`).
    case comprehension(Comprehension)
  }

  /// One `key: value` entry of a map literal.
  public struct MapEntry: Sendable {
    public var key: Expr
    public var value: Expr

    /// Creates an entry.
    public init(key: Expr, value: Expr) {
      self.key = key
      self.value = value
    }
  }

  /// A fold over a list or map, the form CEL's macros expand into (cel-spec langdef).
  public struct Comprehension: Sendable {
    /// The macro it came from (`all`, `exists`, ...), for messages and traces.
    public var macro: String
    public var iterVar: String
    public var iterRange: Expr
    public var accuVar: String
    public var accuInit: Expr
    public var loopCondition: Expr
    public var loopStep: Expr
    public var result: Expr

    /// Creates a comprehension.
    public init(
      macro: String, iterVar: String, iterRange: Expr, accuVar: String, accuInit: Expr,
      loopCondition: Expr, loopStep: Expr, result: Expr
    ) {
      self.macro = macro
      self.iterVar = iterVar
      self.iterRange = iterRange
      self.accuVar = accuVar
      self.accuInit = accuInit
      self.loopCondition = loopCondition
      self.loopStep = loopStep
      self.result = result
    }
  }
}
