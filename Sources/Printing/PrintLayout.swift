// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A printout as data: the blocks of a ticket or receipt from top to bottom, independent of the printer.
///
/// ``TicketLayout`` and ``ReceiptLayout`` build layouts; ``ESCPOSRenderer`` turns one into bytes for a
/// ``PrinterProfile``. Nothing in a layout is ever truncated: text wraps at the paper's width.
public struct PrintLayout: Sendable, Hashable {
    /// The blocks, top to bottom.
    public var blocks: [PrintBlock]

    /// Creates a layout.
    /// - Parameter blocks: The blocks, top to bottom.
    public init(_ blocks: [PrintBlock] = []) {
        self.blocks = blocks
    }

    /// Appends a block.
    /// - Parameter block: The block to print after the others.
    public mutating func append(_ block: PrintBlock) {
        blocks.append(block)
    }
}
