import Hummingbird

/// A page rendered by its Mustache template once, at start-up, with a marker wherever a per-request value goes.
///
/// The output is split into fixed byte runs and slots, so serving the page copies the runs and writes each slot's
/// value: no template walking, no dynamic lookups. Markers are private-use characters that neither Mustache nor
/// Markdown escapes, followed by the slot's number: `U+E000 <number> U+E001`.
struct PageBlueprint<Slot: Sendable>: Sendable {
    enum Piece: Sendable {
        /// A run of `fixedBytes`.
        case fixed(Range<Int>)
        case slot(Slot)
    }

    let pieces: [Piece]
    let slotCount: Int
    /// Every fixed run, back to back: one array, so writing a run is a plain copy from memory already at hand.
    let fixedBytes: [UInt8]
    /// The bytes every rendering carries; a buffer this big plus the values never has to grow twice.
    var fixedByteCount: Int { fixedBytes.count }

    /// Renders once through `render`, which asks `markers` for a marker per value, then splits the output.
    init(render: (inout PageSlotMarkers<Slot>) throws -> String) rethrows {
        var markers = PageSlotMarkers<Slot>()
        let html = try render(&markers)
        var pieces: [Piece] = []
        var fixedBytes: [UInt8] = []
        var runStart = 0
        func appendFixed(_ scalars: Substring.UnicodeScalarView) {
            fixedBytes.append(contentsOf: String(String.UnicodeScalarView(scalars)).utf8)
        }
        func closeRun() {
            if fixedBytes.count > runStart { pieces.append(.fixed(runStart..<fixedBytes.count)) }
            runStart = fixedBytes.count
        }
        var scalars = Substring(html).unicodeScalars
        while let start = scalars.firstIndex(of: PageSlotMarkers<Slot>.opening) {
            appendFixed(scalars[..<start])
            let rest = scalars[scalars.index(after: start)...]
            guard let end = rest.firstIndex(of: PageSlotMarkers<Slot>.closing),
                let number = Int(String(String.UnicodeScalarView(rest[..<end]))), markers.slots.indices.contains(number)
            else {
                // Not one of ours (content may carry private-use characters): keep it as text.
                appendFixed(scalars[start..<rest.startIndex])
                scalars = rest
                continue
            }
            closeRun()
            pieces.append(.slot(markers.slots[number]))
            scalars = rest[rest.index(after: end)...]
        }
        appendFixed(scalars)
        closeRun()
        self.pieces = pieces
        self.slotCount = pieces.count { if case .slot = $0 { true } else { false } }
        self.fixedBytes = fixedBytes
    }

    /// Writes the page with each slot's value, which must already be escaped for where the slot sits.
    ///
    /// The values are gathered first so the page is written in one pass of plain copies into memory reserved
    /// once: a hundred separate buffer writes cost more than the copying itself.
    func write(into buffer: inout ByteBuffer, value: (Slot) -> String) {
        var values: [String] = []
        values.reserveCapacity(slotCount)
        var length = fixedBytes.count
        for piece in pieces {
            if case .slot(let slot) = piece {
                let text = value(slot)
                length += text.utf8.count
                values.append(text)
            }
        }
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: length) { output in
            guard var cursor = output.baseAddress else { return 0 }
            var nextValue = 0
            fixedBytes.withUnsafeBytes { fixed in
                for piece in pieces {
                    switch piece {
                    case .fixed(let range):
                        cursor.copyMemory(from: fixed.baseAddress! + range.lowerBound, byteCount: range.count)
                        cursor += range.count
                    case .slot:
                        var text = values[nextValue]
                        nextValue += 1
                        text.withUTF8 { bytes in
                            if let base = bytes.baseAddress { cursor.copyMemory(from: base, byteCount: bytes.count) }
                            cursor += bytes.count
                        }
                    }
                }
            }
            return length
        }
    }
}

/// Hands out the markers a blueprint's template is rendered with, remembering which slot each stands for.
struct PageSlotMarkers<Slot> {
    static var opening: Unicode.Scalar { "\u{E000}" }
    static var closing: Unicode.Scalar { "\u{E001}" }

    fileprivate(set) var slots: [Slot] = []

    mutating func marker(_ slot: Slot) -> String {
        slots.append(slot)
        return "\(Self.opening)\(slots.count - 1)\(Self.closing)"
    }
}
