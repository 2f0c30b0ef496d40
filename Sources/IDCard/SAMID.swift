// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The SAM's id (读SAM管理信息): 16 bytes of the answer to ``Command/readSAMID``.
///
/// The sources disagree on how to format it as text (research notes §3.1), so this keeps the raw bytes and
/// prints them as hex. It identifies the reader, not a person.
public struct SAMID: Sendable, Hashable, CustomStringConvertible {
    /// The 16 bytes as the reader sent them.
    public let bytes: [UInt8]

    /// Decodes the data of a `12 FF` answer.
    /// - Parameter data: The response data after SW3: 16 bytes.
    /// - Throws: ``IDCardError/Code/inconsistentPayload`` for any other size.
    public init(data: some Collection<UInt8>) throws(IDCardError) {
        guard data.count == 16 else {
            throw IDCardError(.inconsistentPayload, "SAM id of \(data.count) bytes, expected 16")
        }
        bytes = Array(data)
    }

    /// The bytes as 32 lowercase hex digits.
    public var hexString: String {
        bytes.map { hex($0).dropFirst(2).lowercased() }.joined()
    }

    /// ``hexString``.
    public var description: String { hexString }
}
