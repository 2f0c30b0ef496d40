// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// An ID card read on the kiosk's reader, as the `card_read` event and `GET /api/v1/card` give it: masked
/// data only, and the session id that binds a ticket or a case to the card.
public struct CardSession: Sendable, Hashable, Decodable {
    /// The card session id to send with a ticket, check-in or case.
    public var card: String
    /// The masked name, e.g. `王**`.
    public var name: String
    /// Whether the holder is at or over the hall's elderly age.
    public var elderly: Bool

    /// Creates a card session.
    public init(card: String, name: String, elderly: Bool) {
        self.card = card
        self.name = name
        self.elderly = elderly
    }
}
