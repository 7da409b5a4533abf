internal import CSimdJSON

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// A block of bytes followed by zeroed padding that simdjson may read past the end.
struct PaddedBuffer {
  private(set) var bytes: UnsafeMutableRawBufferPointer
  private let padding: Int

  /// Allocates `capacity` bytes plus the shim's padding; free it with `deallocate()`.
  init(capacity: Int) {
    padding = CSimdJSON_padding()
    let all = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity + padding, alignment: 64)
    // Only the padding is zeroed: the block is written before it is read, and pages never
    // written (a short log in a megabyte block) then cost no memory.
    UnsafeMutableRawBufferPointer(rebasing: all[capacity...]).initializeMemory(as: UInt8.self, repeating: 0)
    bytes = UnsafeMutableRawBufferPointer(rebasing: all[0..<capacity])
  }

  /// The offset of the last newline in the first `count` bytes.
  func lastNewline(before count: Int) -> Int? {
    var i = count - 1
    while i >= 0 {
      if bytes[i] == UInt8(ascii: "\n") { return i }
      i -= 1
    }
    return nil
  }

  /// Doubles the capacity, keeping the first `count` bytes.
  mutating func grow(keeping count: Int) {
    let larger = PaddedBuffer(capacity: bytes.count * 2)
    larger.bytes.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[0..<count]))
    deallocate()
    self = larger
  }

  func deallocate() {
    UnsafeMutableRawBufferPointer(start: bytes.baseAddress, count: bytes.count + padding).deallocate()
  }
}

/// Cuts an input into blocks of whole lines, numbering each block's first line.
///
/// A line that does not fit a block grows it; the partial line at the end of a block is
/// carried to the front of the next one.
struct LineBlockReader {
  private let input: LogInput
  private var carry: [UInt8] = []
  private var atEnd = false
  private var nextLine = 1
  private var atStart = true
  /// Bytes handed out in blocks so far.
  private(set) var bytesRead = 0

  init(_ input: LogInput) {
    self.input = input
  }

  /// Fills `block` with whole lines (the input's last line may lack its newline): how many
  /// bytes and the number of the first line, or nil at the end of the input.
  mutating func fill(_ block: inout PaddedBuffer) throws(LogReadError) -> (length: Int, firstLine: Int)? {
    while block.bytes.count < carry.count { block.grow(keeping: 0) }
    block.bytes.copyBytes(from: carry)
    var filled = carry.count
    carry.removeAll(keepingCapacity: true)
    while true {
      if !atEnd, filled < block.bytes.count {
        let count = try input.read(into: UnsafeMutableRawBufferPointer(rebasing: block.bytes[filled...]))
        if count == 0 { atEnd = true } else { filled += count }
        if atStart, filled >= 3 || atEnd { filled = dropByteOrderMark(block, filled) }
        continue
      }
      if atEnd {
        return filled == 0 ? nil : hand(block, filled)
      }
      if let newline = block.lastNewline(before: filled) {
        carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: block.bytes[(newline + 1)..<filled]))
        return hand(block, newline + 1)
      }
      block.grow(keeping: filled)
    }
  }

  /// Drops a UTF-8 byte order mark that starts the input (editors on Windows write one), as
  /// JSON readers commonly do; returns the bytes left.
  private mutating func dropByteOrderMark(_ block: PaddedBuffer, _ filled: Int) -> Int {
    atStart = false
    guard filled >= 3, block.bytes[0] == 0xEF, block.bytes[1] == 0xBB, block.bytes[2] == 0xBF,
      let base = block.bytes.baseAddress
    else { return filled }
    memmove(base, base + 3, filled - 3)
    return filled - 3
  }

  private mutating func hand(_ block: PaddedBuffer, _ length: Int) -> (length: Int, firstLine: Int) {
    let first = nextLine
    if let base = block.bytes.baseAddress {
      nextLine += CSimdJSON_countLines(base.assumingMemoryBound(to: CChar.self), length)
    }
    bytesRead += length
    return (length, first)
  }
}
