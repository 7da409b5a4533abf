/// A compiled expression: the AST turned once into a tree of closures, so evaluating does no
/// parsing, reads declared record fields by slot, and allocates nothing for scalar results.
///
/// Tracing (`evaluate(_:trace:)`) runs a second tree, compiled alongside, that records every
/// node's value; the plain tree carries no tracing code at all.
///
/// A class: rules hold their programs and evaluate them millions of times, and as a struct of
/// 152 bytes a program was copied out of the rule that held it for every evaluation.
public final class Program: Sendable {
  private let root: Compiled
  private let traced: Compiled
  private let localCount: Int
  private let source: (ast: Expr, types: [Int: CELType], environment: Environment)

  /// Compiles a checked AST; `types` are the checker's types by node id (may be empty).
  public init(ast: Expr, types: [Int: CELType], environment: Environment) {
    self.source = (ast, types, environment)
    var compiler = Compiler(environment: environment, types: types, tracing: false)
    self.root = compiler.compile(ast)
    var tracing = Compiler(environment: environment, types: types, tracing: true)
    self.traced = tracing.compile(ast)
    self.localCount = max(compiler.localCount, tracing.localCount)
  }

  /// The same program with closures of its own. Closures are reference counted, and threads
  /// that evaluate one program's closures at once contend for those counts: a thread that
  /// evaluates a program millions of times should have its own.
  public func compiledAgain() -> Program {
    Program(ast: source.ast, types: source.types, environment: source.environment)
  }

  /// Evaluates the expression with variable values in the environment's order.
  public func evaluate(_ activation: Activation) -> Value {
    if let constant = root.constant { return constant }
    // Borrowing the values (no copy of the array, no reference counting) is safe: the frame
    // does not outlive this call. Nearly every condition has no comprehension, and for those
    // the frame is made here, not through the stack allocation's closure, which cost four
    // counted references an evaluation.
    guard localCount == 0 else { return evaluate(activation, trace: nil) }
    return activation.values.withUnsafeBufferPointer { globals in
      var frame = Frame(globals: globals, lent: activation.lent)
      frame.borrowRecord()
      return root.eval(&frame)
    }
  }

  /// Evaluates the expression and records the value of every sub-expression it computed.
  public func evaluate(_ activation: Activation, trace: inout Trace) -> Value {
    withUnsafeMutablePointer(to: &trace) { evaluate(activation, trace: $0) }
  }

  /// Evaluates with the comprehensions' variables, all null, on the stack (a frame that owned
  /// an array of them, empty for most conditions, released it after every evaluation: two
  /// calls into the runtime per judged event), recording into `trace` when given.
  private func evaluate(_ activation: Activation, trace: UnsafeMutablePointer<Trace>?) -> Value {
    activation.values.withUnsafeBufferPointer { globals in
      withUnsafeTemporaryAllocation(of: Value.self, capacity: localCount) { locals in
        locals.initialize(repeating: .null)
        defer { locals.deinitialize() }
        var frame = Frame(globals: globals, lent: activation.lent, locals: locals, trace: trace)
        if trace == nil { frame.borrowRecord() }
        return (trace == nil ? root : traced).eval(&frame)
      }
    }
  }
}

/// A compiled node: a closure, and its value when it is known at compile time.
struct Compiled: Sendable {
  let eval: Eval
  let constant: Value?
  /// Set when the node reads a declared field of the event (`event.queue`): a comparison
  /// with text can then read the field's UTF-8 where the event's storage keeps it.
  var eventField: EventField? = nil
}

/// A declared field of the record in `globals[0]` (the event), at its slot of `layout`, and
/// the error an event without it gives.
struct EventField: Sendable {
  let layout: RecordLayout
  let slot: Int
  let missing: Value

  /// Calls `string` with the field's UTF-8 when it holds text, else `other` with its value
  /// (`missing` when absent), reading the event's row in place; nil when the frame's event is
  /// not a record of `layout`, for the caller to read the field as a value.
  @inline(__always)
  func withValue<R>(in frame: Frame, string: (UnsafeBufferPointer<UInt8>) -> R, other: (Value) -> R) -> R? {
    guard let storage = frame.recordStorage, storage._withUnsafeGuaranteedRef({ $0.layout === layout }) else {
      return nil
    }
    // Guaranteed without a count: the activation holds the record (see `Frame.recordStorage`).
    return storage._withUnsafeGuaranteedRef {
      $0.withValue(atSlot: slot, row: frame.recordRow, string: string) { other($0 ?? missing) }
    }
  }
}

/// Evaluates one node against the evaluation's state.
typealias Eval = @Sendable (inout Frame) -> Value

/// The state of one evaluation: the variables, the macros' loop variables, and the trace.
struct Frame {
  /// Declared variables by environment index, borrowed from the activation for one call
  /// (read them with `variable(_:)`, which knows a lent record).
  private let globals: UnsafeBufferPointer<Value>
  /// The activation's lent record, variable 0 in place of `globals[0]` (`Activation.lend`).
  private let lent: (storage: Unmanaged<RecordStorage>, row: UInt32)?
  /// Comprehension variables by slot, on the stack of the evaluation that has any
  /// (`Program.evaluate(_:trace:)`).
  let locals: UnsafeMutableBufferPointer<Value>
  /// The trace being recorded, owned by the caller; nil unless tracing. (A frame owns nothing,
  /// so making and ending one counts nothing.)
  let trace: UnsafeMutablePointer<Trace>?
  /// `globals[0]`'s storage and row when it is a record (an event), held without counting a
  /// reference: reading `event.rings` by copying the record out of `globals` retained and
  /// released its storage for every field read, a million events times each rule's fields.
  /// The activation holds the record for as long as the frame lives (the frame never outlives
  /// `evaluate`).
  private(set) var recordStorage: Unmanaged<RecordStorage>? = nil
  private(set) var recordRow: UInt32 = 0

  init(
    globals: UnsafeBufferPointer<Value>, lent: (storage: Unmanaged<RecordStorage>, row: UInt32)? = nil,
    locals: UnsafeMutableBufferPointer<Value> = UnsafeMutableBufferPointer(start: nil, count: 0),
    trace: UnsafeMutablePointer<Trace>? = nil
  ) {
    self.globals = globals
    self.lent = lent
    self.locals = locals
    self.trace = trace
  }

  /// Keeps variable 0's storage and row when it is a record (see `recordStorage`).
  mutating func borrowRecord() {
    if let lent {
      (recordStorage, recordRow) = lent
      return
    }
    guard !globals.isEmpty, case .record(let first) = globals[0] else { return }
    (recordStorage, recordRow) = (Unmanaged.passUnretained(first.storage), first.row)
  }

  /// The value of variable `index`, or nil when the activation has none.
  func variable(_ index: Int) -> Value? {
    if index == 0, let lent { return .record(Record(storage: lent.storage.takeUnretainedValue(), row: lent.row)) }
    return index < globals.count ? globals[index] : nil
  }
}
