/// Turns an AST into closures once: names are resolved to variable indexes or loop slots,
/// declared record fields to slots, literal sub-trees are folded, literal regexes compiled.
struct Compiler {
  let environment: Environment
  let types: [Int: CELType]
  /// When set, every node records its value in the frame's trace and nothing is folded.
  let tracing: Bool
  /// Slots needed for comprehension variables (the high-water mark).
  private(set) var localCount = 0
  /// Comprehension variables in scope, innermost last.
  private var scopes: [(name: String, slot: Int)] = []
  /// Slots that hold a comprehension's accumulator (appends to them may be done in place).
  private var accumulators: Set<Int> = []
  private let variableIndex: [String: Int]

  init(environment: Environment, types: [Int: CELType], tracing: Bool) {
    self.environment = environment
    self.types = types
    self.tracing = tracing
    var index: [String: Int] = [:]
    for (i, variable) in environment.variables.enumerated() where index[variable.name] == nil {
      index[variable.name] = i
    }
    self.variableIndex = index
  }

  /// Compiles a node and everything under it.
  mutating func compile(_ expr: Expr) -> Compiled {
    switch expr.kind {
    case .literal(let value): return constant(expr, value)
    case .ident(let name): return compileIdent(expr, name)
    case .select(let operand, let field, let testOnly): return compileSelect(expr, operand, field, testOnly: testOnly)
    case .call(let function, let target, let args):
      // `strings.quote(s)`: a namespaced function, when `strings` is not a variable.
      if let target, let namespace = qualifiedName(target), Library.knows(namespace + "." + function) {
        return compileCall(expr, namespace + "." + function, args)
      }
      return compileCall(expr, function, (target.map { [$0] } ?? []) + args)
    case .list(let elements): return compileList(expr, elements)
    case .map(let entries): return compileMap(expr, entries)
    case .comprehension(let comprehension): return compileComprehension(expr, comprehension)
    }
  }

  // MARK: - Building nodes

  /// A node whose value is known now, in storage of this program's own: each evaluation
  /// counts a reference to it, and programs compiled again for other threads
  /// (`Program.compiledAgain()`) would otherwise all count references to the literal of the
  /// one syntax tree, contending for it on every evaluation.
  func constant(_ expr: Expr, _ value: Value) -> Compiled {
    let value = Value.located(value.inStorageOfItsOwn, expr.id)
    return node(expr, constant: value) { _ in value }
  }

  /// A node from its closure. With `inputs` (the sub-nodes it reads), it is folded to a
  /// constant when they all are; without, it depends on the variables.
  func node(_ expr: Expr, foldable inputs: [Compiled]? = nil, constant: Value? = nil, _ eval: @escaping Eval)
    -> Compiled
  {
    if tracing {
      let id = expr.id
      return Compiled(
        eval: { frame in
          let value = eval(&frame)
          frame.trace?.pointee.record(id, value)
          return value
        }, constant: nil)
    }
    if let constant { return Compiled(eval: eval, constant: constant) }
    if let inputs, inputs.allSatisfy({ $0.constant != nil }) {
      var frame = Frame(globals: UnsafeBufferPointer(start: nil, count: 0))
      let value = eval(&frame)
      return Compiled(eval: { _ in value }, constant: value)
    }
    return Compiled(eval: eval, constant: nil)
  }

  // MARK: - Names

  private mutating func compileIdent(_ expr: Expr, _ name: String) -> Compiled {
    if let slot = scopes.last(where: { $0.name == name })?.slot {
      return node(expr) { $0.locals[slot] }
    }
    if let index = variableIndex[name] { return readVariable(expr, index) }
    if let type = CELType.named(name) { return constant(expr, .type(type)) }
    return constant(expr, .error(EvalError("undeclared reference to '\(name)'")))
  }

  private func readVariable(_ expr: Expr, _ index: Int) -> Compiled {
    let name = environment.variables[index].name
    return node(expr) { frame in
      frame.variable(index) ?? .error(EvalError("no value for variable '\(name)'"))
    }
  }

  /// The static type of a node: the checker's, or a declared variable's.
  private func staticType(_ expr: Expr) -> CELType? {
    if let type = types[expr.id] { return type }
    if case .ident(let name) = expr.kind, !scopes.contains(where: { $0.name == name }),
      let index = variableIndex[name]
    {
      return environment.variables[index].type
    }
    return nil
  }

  private mutating func compileSelect(_ expr: Expr, _ operand: Expr, _ field: String, testOnly: Bool) -> Compiled {
    if !testOnly, let qualified = compileQualified(expr) { return qualified }
    let base = compile(operand)
    let baseEval = base.eval
    let id = expr.id
    if case .record(let layout)? = staticType(operand), let slot = layout.slot(of: field) {
      if testOnly {
        return node(expr, foldable: [base]) { frame in
          let value = baseEval(&frame)
          guard case .record(let record) = value, record.layout === layout else { return Value.has(value, field) }
          return .bool(record.has(slot: slot))
        }
      }
      let missing = Value.located(Value.noSuchKey(.string(field)), id)
      if case .ident(let name) = operand.kind, !tracing, !scopes.contains(where: { $0.name == name }),
        let index = variableIndex[name]
      {
        // `event.rings`: one closure reads the variable and its slot, borrowing the record.
        var read = node(expr) { frame in
          if index == 0, let storage = frame.recordStorage, storage._withUnsafeGuaranteedRef({ $0.layout === layout }) {
            // Guaranteed without a count: the activation holds the record (see `Frame.recordStorage`).
            return storage._withUnsafeGuaranteedRef { $0.value(atSlot: slot, row: frame.recordRow) } ?? missing
          }
          if case .record(let record)? = frame.variable(index), record.layout === layout {
            return record.value(atSlot: slot) ?? missing
          }
          return Value.located(Value.select(baseEval(&frame), field), id)
        }
        if index == 0 { read.eventField = EventField(layout: layout, slot: slot, missing: missing) }
        return read
      }
      return node(expr, foldable: [base]) { frame in
        let value = baseEval(&frame)
        guard case .record(let record) = value, record.layout === layout else {
          return Value.located(Value.select(value, field), id)
        }
        return record.value(atSlot: slot) ?? missing
      }
    }
    if testOnly {
      return node(expr, foldable: [base]) { frame in Value.located(Value.has(baseEval(&frame), field), id) }
    }
    return node(expr, foldable: [base]) { frame in Value.located(Value.select(baseEval(&frame), field), id) }
  }

  /// `a.b.c` where a dotted name such as `a.b.c` or `a.b` is itself a declared variable, or
  /// the whole is a type name (`google.protobuf.Timestamp`); nil otherwise.
  private mutating func compileQualified(_ expr: Expr) -> Compiled? {
    guard let segments = Self.segments(expr), segments.count > 1,
      !scopes.contains(where: { $0.name == segments[0] })
    else { return nil }
    if let type = CELType.named(segments.joined(separator: ".")), variableIndex[segments[0]] == nil {
      return constant(expr, .type(type))
    }
    for length in stride(from: segments.count, through: 2, by: -1) {
      guard let index = variableIndex[segments[0..<length].joined(separator: ".")] else { continue }
      var result = readVariable(expr, index)
      for field in segments[length...] {
        let base = result.eval
        let id = expr.id
        result = node(expr) { frame in Value.located(Value.select(base(&frame), field), id) }
      }
      return result
    }
    return nil
  }

  /// The dotted name a target spells (`strings`, `a.b`) when it is not a variable or loop
  /// variable, so it can only be a function's namespace.
  private func qualifiedName(_ expr: Expr) -> String? {
    guard let segments = Self.segments(expr), !scopes.contains(where: { $0.name == segments[0] }) else { return nil }
    for length in 1...segments.count where variableIndex[segments[0..<length].joined(separator: ".")] != nil {
      return nil
    }
    return segments.joined(separator: ".")
  }

  /// The names of a chain of selects on an identifier (`a.b.c` → a, b, c), or nil.
  private static func segments(_ expr: Expr) -> [String]? {
    switch expr.kind {
    case .ident(let name): return [name]
    case .select(let operand, let field, false): return segments(operand).map { $0 + [field] }
    default: return nil
    }
  }

  // MARK: - Literals

  private mutating func compileList(_ expr: Expr, _ elements: [Expr]) -> Compiled {
    let items = elements.map { compile($0) }
    let evals = items.map(\.eval)
    return node(expr, foldable: items) { frame in
      var values: [Value] = []
      values.reserveCapacity(evals.count)
      for eval in evals {
        let value = eval(&frame)
        if case .error = value { return value }
        values.append(value)
      }
      return .list(values)
    }
  }

  private mutating func compileMap(_ expr: Expr, _ entries: [Expr.MapEntry]) -> Compiled {
    let keys = entries.map { compile($0.key) }
    let values = entries.map { compile($0.value) }
    let pairs = zip(keys.map(\.eval), values.map(\.eval)).map { ($0, $1) }
    let id = expr.id
    return node(expr, foldable: keys + values) { frame in
      var built: [(key: Value, value: Value)] = []
      built.reserveCapacity(pairs.count)
      for (keyEval, valueEval) in pairs {
        let key = keyEval(&frame)
        if case .error = key { return key }
        let value = valueEval(&frame)
        if case .error = value { return value }
        built.append((key, value))
      }
      return Value.located(MapValue.checked(built), id)
    }
  }

  // MARK: - Scopes

  /// Reserves a new slot for a comprehension variable.
  mutating func newSlot() -> Int {
    let slot = scopes.count
    localCount = max(localCount, slot + 1)
    return slot
  }

  mutating func push(_ name: String, _ slot: Int, accumulator: Bool = false) {
    scopes.append((name, slot))
    if accumulator { accumulators.insert(slot) }
  }

  mutating func pop() {
    if let last = scopes.popLast() { accumulators.remove(last.slot) }
  }

  /// The slot of a comprehension accumulator when `expr` names one in scope.
  func accumulatorSlot(_ expr: Expr) -> Int? {
    guard case .ident(let name) = expr.kind, let slot = scopes.last(where: { $0.name == name })?.slot,
      accumulators.contains(slot)
    else { return nil }
    return slot
  }
}

extension Value {
  /// Marks an error with the node that produced it, unless it already names one.
  static func located(_ value: Value, _ id: Int) -> Value {
    guard case .error(var error) = value, error.exprID == nil else { return value }
    error.exprID = id
    return .error(error)
  }
}

extension Value {
  /// The same value, its strings and lists in newly allocated storage (a string short enough
  /// to be stored inline has none).
  var inStorageOfItsOwn: Value {
    switch self {
    case .string(let text): .string(String(decoding: Array(text.utf8), as: UTF8.self))
    case .list(let items): .list(items.map(\.inStorageOfItsOwn))
    default: self
    }
  }
}
