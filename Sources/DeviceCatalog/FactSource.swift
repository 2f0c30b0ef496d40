// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Where some facts of a device file come from: one `[[source]]` entry.
///
/// - Configuration keys:
///   - `facts` (array of strings, required): the key paths it backs, e.g. `["usb.vendor_id", "usb.endpoints"]`.
///   - `ref` (string, required): the research notes' tag or section, e.g. `idcard-protocol.md §4.2 [IDR]`.
///   - `url` (string, optional): the public page or repository, `http://` or `https://`.
///   - `confirmed` (boolean, default `true`): `false` when the source only suggests the facts.
///   - `note` (string, optional): why it is unconfirmed, or what exactly the source says.
public struct FactSource: Hashable, Sendable {
    /// The key paths this source backs.
    public var facts: [String]
    /// The research notes' tag or section.
    public var reference: String
    /// The public page or repository, if any.
    public var url: String?
    /// `false` when the facts are inferred or unverified.
    public var confirmed: Bool
    /// Why it is unconfirmed, or what exactly the source says.
    public var note: String?

    /// Creates a source entry.
    ///
    /// - Parameters:
    ///   - facts: The key paths it backs.
    ///   - reference: The research notes' tag or section.
    ///   - url: The public page or repository, if any.
    ///   - confirmed: `false` when the facts are inferred or unverified.
    ///   - note: Why it is unconfirmed, or what exactly the source says.
    public init(facts: [String], reference: String, url: String? = nil, confirmed: Bool = true, note: String? = nil) {
        self.facts = facts
        self.reference = reference
        self.url = url
        self.confirmed = confirmed
        self.note = note
    }
}
