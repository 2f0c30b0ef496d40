// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Splits a printer's input into data and real-time status requests (`DLE EOT n`, `n` 1–4), across reads.
struct StatusRequestParser {
    /// A piece of the input.
    enum Item: Equatable {
        /// Bytes to print.
        case data([UInt8])
        /// `DLE EOT n`.
        case request(UInt8)
    }

    /// The bytes of a request prefix (`DLE` or `DLE EOT`) held back until the next read.
    private var pending: [UInt8] = []

    /// Feeds bytes as they arrived.
    /// - Parameter bytes: The bytes.
    /// - Returns: The data and requests they complete, in order.
    mutating func feed(_ bytes: [UInt8]) -> [Item] {
        var items: [Item] = []
        var data: [UInt8] = []
        for byte in bytes {
            pending.append(byte)
            while !pending.isEmpty, !Self.isRequestPrefix(pending) {
                data.append(pending.removeFirst())
            }
            if pending.count == 3 {
                if !data.isEmpty { items.append(.data(data)) }
                data = []
                items.append(.request(pending[2]))
                pending = []
            }
        }
        if !data.isEmpty { items.append(.data(data)) }
        return items
    }

    /// Gives up on a held-back prefix (the input paused): its bytes are data after all.
    /// - Returns: The held-back bytes.
    mutating func flush() -> [UInt8] {
        defer { pending = [] }
        return pending
    }

    /// Whether the bytes can begin `DLE EOT n` with `n` 1–4.
    private static func isRequestPrefix(_ bytes: [UInt8]) -> Bool {
        let pattern: [ClosedRange<UInt8>] = [0x10...0x10, 0x04...0x04, 1...4]
        return bytes.count <= 3 && zip(bytes, pattern).allSatisfy { $1.contains($0) }
    }
}
