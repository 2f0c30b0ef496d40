// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard

/// What a ``ReaderService`` reports. Prints masked.
public enum ReaderEvent: Sendable, CustomStringConvertible {
    /// The reader's link was opened.
    case connected(device: String)
    /// A card was read: a new card, or a card put back after it was removed. Reported once per placement.
    case cardRead(CardReading)
    /// The card reported last left the reader.
    case cardRemoved
    /// A read or the SAM failed; reported once until something changes.
    case readerError(ReaderError)
    /// The link was lost (unplugged, hung up); the service tries to reopen it.
    case disconnected(ReaderError)

    /// The event with masked card data.
    public var description: String {
        switch self {
        case .connected(let device): "connected(\(device))"
        case .cardRead(let reading): "cardRead(\(reading))"
        case .cardRemoved: "cardRemoved"
        case .readerError(let error): "readerError(\(error))"
        case .disconnected(let error): "disconnected(\(error))"
        }
    }
}

/// Card presence tracking, sans I/O: turns session outcomes into events.
///
/// A card is "the same card still there" when no absence was seen since it was reported and the new read
/// has the same fingerprint (select's serial and the whole read, text and photo, hashed in memory). A
/// different card is reported as a removal and a new read; the same card put back after a confirmed
/// absence is reported again. Absence is confirmed after `removalConfirmations` consecutive "no card"
/// answers, so one flaky find does not make a card on the reader reported twice.
struct CardPresence {
    let removalConfirmations: Int
    private var reported: Int?
    private var misses = 0
    private var lastError: ReaderError.Code?

    init(removalConfirmations: Int) {
        self.removalConfirmations = max(1, removalConfirmations)
    }

    mutating func handle(_ outcome: ReaderSession.Outcome) -> [ReaderEvent] {
        switch outcome {
        case .noCard:
            misses += 1
            lastError = nil
            guard reported != nil, misses >= removalConfirmations else { return [] }
            reported = nil
            return [.cardRemoved]
        case .card(let reading):
            misses = 0
            lastError = nil
            var hasher = Hasher()
            hasher.combine(reading)
            let fingerprint = hasher.finalize()
            if reported == fingerprint { return [] }
            let replaced = reported != nil
            reported = fingerprint
            return (replaced ? [.cardRemoved] : []) + [.cardRead(reading)]
        case .failed(let error):
            switch error.code {
            case .disconnected:
                reported = nil
                lastError = nil
                return [.disconnected(error)]
            case .cancelled:
                return []
            case .cardRemoved:
                // The holder taking back a card already reported is no error; a new card pulled too soon is.
                lastError = nil
                if reported != nil {
                    reported = nil
                    return [.cardRemoved]
                }
                return [.readerError(error)]
            default:
                guard lastError != error.code else { return [] }
                lastError = error.code
                return [.readerError(error)]
            }
        }
    }
}
