// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A proxy case being captured, as `POST /api/v1/cases` takes it.
public struct CaseDraft: Sendable, Hashable, Encodable {
    /// A material's state on the checklist.
    public struct MaterialState: Sendable, Hashable, Encodable {
        /// The material's code.
        public var code: String
        /// `received`, `promised` (容缺) or `not_applicable`.
        public var state: String
        /// The due day of a promised material, `yyyy-MM-dd`.
        public var promisedBy: String?

        /// Creates a material state.
        public init(code: String, state: String, promisedBy: String? = nil) {
            self.code = code
            self.state = state
            self.promisedBy = promisedBy
        }

        private enum CodingKeys: String, CodingKey {
            case code, state
            case promisedBy = "promised_by"
        }

        /// Encodes `promised_by` only when set.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(state, forKey: .state)
            try container.encodeIfPresent(promisedBy, forKey: .promisedBy)
        }
    }

    /// The applicant's card session id.
    public var card: String
    /// The matter's code.
    public var matter: String
    /// Every material's state.
    public var materials: [MaterialState]
    /// The contact phone, digits only.
    public var contactPhone: String

    /// Creates a draft.
    public init(card: String, matter: String, materials: [MaterialState], contactPhone: String) {
        self.card = card
        self.matter = matter
        self.materials = materials
        self.contactPhone = contactPhone
    }

    private enum CodingKeys: String, CodingKey {
        case card, matter, materials
        case contactPhone = "contact_phone"
    }
}
