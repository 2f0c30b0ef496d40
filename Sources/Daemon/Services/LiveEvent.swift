// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A live event for the event stream, about a device rather than the queue: `card_read` (with the card
/// session id and masked holder), `card_removed`, `reader_connected`, `reader_error`, `reader_disconnected`,
/// `printer_status`, `print_failed`.
///
/// Live events are not written to the audit log and not replayed on reconnect.
public struct LiveEvent: Sendable, Encodable {
    /// A JSON value of a field.
    public enum Field: Sendable, Encodable {
        case string(String)
        case number(Double)
        case bool(Bool)

        /// Encodes the bare value.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let value): try container.encode(value)
            case .number(let value): try container.encode(value)
            case .bool(let value): try container.encode(value)
            }
        }
    }

    /// The event name, e.g. `card_read`.
    public var kind: String
    /// Its fields; masked values only.
    public var fields: [String: Field]

    /// Creates an event.
    public init(kind: String, fields: [String: Field]) {
        self.kind = kind
        self.fields = fields
    }

    /// Encodes `kind` and the fields side by side.
    public func encode(to encoder: any Encoder) throws {
        var all = fields
        all["kind"] = .string(kind)
        try all.encode(to: encoder)
    }
}
