// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The result of a read: the identity plus the photo and fingerprints as opaque bytes.
///
/// Decodes the data of a ``Command/readTextAndPhoto`` answer (`text length, photo length, text, photo`) or
/// a ``Command/readWithFingerprint`` answer (three lengths, then text, photo, fingerprint); lengths are
/// big-endian. Prints masked and never shows the photo or fingerprint bytes.
public struct CardRead: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The holder's identity.
    public let identity: CardIdentity
    /// The photo in the proprietary WLT format (1024 bytes on every card seen); decode with a vendor library.
    public let photo: [UInt8]
    /// Fingerprint templates (0, 512 or 1024 bytes); empty for a read without fingerprints.
    public let fingerprint: [UInt8]

    /// Creates a read, e.g. for an emulator.
    /// - Parameters:
    ///   - identity: The holder's identity.
    ///   - photo: WLT bytes.
    ///   - fingerprint: Fingerprint bytes.
    public init(identity: CardIdentity, photo: [UInt8], fingerprint: [UInt8] = []) {
        self.identity = identity
        self.photo = photo
        self.fingerprint = fingerprint
    }

    /// Decodes the data of a `30 01` answer (after SW3, before the checksum).
    /// - Parameter data: `text length (2) | photo length (2) | text | photo`.
    /// - Throws: ``IDCardError/Code/truncatedPayload``, ``IDCardError/Code/inconsistentPayload``, and what
    ///   ``TextBlock/decode(_:)`` throws.
    public init(textAndPhoto data: some Collection<UInt8>) throws(IDCardError) {
        let data = Array(data)
        let lengths = try Self.lengths(count: 2, in: data)
        try self.init(data: data, textLength: lengths[0], photoLength: lengths[1], fingerprintLength: 0, offset: 4)
    }

    /// Decodes the data of a `30 10` answer (after SW3, before the checksum).
    /// - Parameter data: `text length (2) | photo length (2) | fingerprint length (2) | text | photo | fingerprint`.
    /// - Throws: ``IDCardError/Code/truncatedPayload``, ``IDCardError/Code/inconsistentPayload``, and what
    ///   ``TextBlock/decode(_:)`` throws.
    public init(withFingerprint data: some Collection<UInt8>) throws(IDCardError) {
        let data = Array(data)
        let lengths = try Self.lengths(count: 3, in: data)
        try self.init(
            data: data,
            textLength: lengths[0],
            photoLength: lengths[1],
            fingerprintLength: lengths[2],
            offset: 6
        )
    }

    private init(
        data: [UInt8],
        textLength: Int,
        photoLength: Int,
        fingerprintLength: Int,
        offset: Int
    ) throws(IDCardError) {
        guard textLength == TextBlock.size else {
            throw IDCardError(.inconsistentPayload, "text length \(textLength), expected 256")
        }
        let total = offset + textLength + photoLength + fingerprintLength
        let sizes = "text \(textLength) + photo \(photoLength) + fingerprint \(fingerprintLength)"
        guard data.count >= total else {
            throw IDCardError(.truncatedPayload, "\(data.count) bytes, lengths say \(total) (\(sizes))")
        }
        guard data.count == total else {
            throw IDCardError(.inconsistentPayload, "\(data.count) bytes, lengths say \(total) (\(sizes))")
        }
        let photoStart = offset + textLength
        let fingerprintStart = photoStart + photoLength
        identity = try TextBlock.decode(data[offset..<photoStart])
        photo = Array(data[photoStart..<fingerprintStart])
        fingerprint = Array(data[fingerprintStart...])
    }

    private static func lengths(count: Int, in data: [UInt8]) throws(IDCardError) -> [Int] {
        guard data.count >= 2 * count else {
            throw IDCardError(.truncatedPayload, "\(data.count) bytes, the \(count) lengths need \(2 * count)")
        }
        return (0..<count).map { Int(data[2 * $0]) << 8 | Int(data[2 * $0 + 1]) }
    }

    /// The data of the answer this read came from: ``init(textAndPhoto:)``'s layout when there is no
    /// fingerprint and `withFingerprint` is false, else ``init(withFingerprint:)``'s.
    /// - Parameter withFingerprint: Whether to write the `30 10` layout.
    /// - Returns: The response data, after SW3.
    public func responseData(withFingerprint: Bool) -> [UInt8] {
        func length(_ count: Int) -> [UInt8] { [UInt8(truncatingIfNeeded: count >> 8), UInt8(truncatingIfNeeded: count)] }
        var data = length(TextBlock.size) + length(photo.count)
        if withFingerprint || !fingerprint.isEmpty { data += length(fingerprint.count) }
        return data + TextBlock.encode(identity) + photo + fingerprint
    }

    /// The masked identity and the sizes of the photo and fingerprint.
    public var description: String {
        "CardRead(\(identity), photo: \(photo.count) bytes, fingerprint: \(fingerprint.count) bytes)"
    }

    /// ``description``.
    public var debugDescription: String { description }

    /// The masked identity and the sizes only.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: ["identity": identity, "photoCount": photo.count, "fingerprintCount": fingerprint.count],
            displayStyle: .struct
        )
    }
}
