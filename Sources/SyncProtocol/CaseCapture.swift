// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// A proxy case (代办件) as a kiosk captured it: the applicant from the ID card, the matter, the materials
/// checklist, a contact phone, the agent and the receipt the citizen was handed.
///
/// The applicant's name and ID number travel in clear inside this operation, only over the authenticated,
/// encrypted sync channel; they are never logged on either side (``description`` is masked) and are
/// encrypted at rest on the kiosk until the server acknowledged them and the retention passed.
public struct CaseCapture: Sendable, Hashable, Codable, CustomStringConvertible {
    /// One material of the matter and what happened to it at the counter.
    public struct Material: Sendable, Hashable, Codable {
        /// What the agent did with a material.
        public enum State: String, Sendable, Hashable, Codable, CaseIterable {
            /// Received (已收).
            case received
            /// Missing, promised later (容缺), by ``promisedBy``.
            case promised
            /// Not needed for this applicant (不适用).
            case notApplicable = "not_applicable"
        }

        /// The material's code in the catalogue.
        public var code: String
        /// Its name, as printed on the receipt.
        public var name: String
        /// What happened to it.
        public var state: State
        /// The day a promised material is due, `yyyy-MM-dd`; `nil` unless ``state`` is ``State/promised``.
        public var promisedBy: String?

        /// Creates a material line.
        public init(code: String, name: String, state: State, promisedBy: String? = nil) {
            self.code = code
            self.name = name
            self.state = state
            self.promisedBy = promisedBy
        }

        private enum CodingKeys: String, CodingKey {
            case code, name, state, promisedBy = "promised_by"
        }
    }

    /// The applicant, as read from the ID card.
    public struct Applicant: Sendable, Hashable, Codable {
        /// The card type, e.g. `resident`.
        public var cardType: String
        /// The name, in clear.
        public var name: String
        /// The ID number, in clear.
        public var idNumber: String
        /// The masked name (`张*`), for lists and receipts.
        public var maskedName: String
        /// The masked number (`3201**********1234`).
        public var maskedNumber: String

        /// Creates an applicant.
        public init(cardType: String, name: String, idNumber: String, maskedName: String, maskedNumber: String) {
            self.cardType = cardType
            self.name = name
            self.idNumber = idNumber
            self.maskedName = maskedName
            self.maskedNumber = maskedNumber
        }

        private enum CodingKeys: String, CodingKey {
            case cardType = "card_type", name, idNumber = "id_number", maskedName = "masked_name"
            case maskedNumber = "masked_number"
        }
    }

    /// The case's id, made on the kiosk (a UUID, lowercase).
    public var caseID: String
    /// The receipt's number as printed, e.g. `R-K0007-000123`.
    public var receiptNumber: String
    /// The matter's code in the catalogue.
    public var matterCode: String
    /// The catalogue version the agent saw.
    public var catalogueVersion: Int64
    /// The applicant.
    public var applicant: Applicant
    /// The contact phone.
    public var contactPhone: String
    /// The agent's id.
    public var agentID: String
    /// The materials checklist.
    public var materials: [Material]
    /// The promised completion day, `yyyy-MM-dd`, from the matter's promised days.
    public var promisedCompletion: String

    /// Creates a case.
    public init(
        caseID: String, receiptNumber: String, matterCode: String, catalogueVersion: Int64, applicant: Applicant,
        contactPhone: String, agentID: String, materials: [Material], promisedCompletion: String
    ) {
        self.caseID = caseID
        self.receiptNumber = receiptNumber
        self.matterCode = matterCode
        self.catalogueVersion = catalogueVersion
        self.applicant = applicant
        self.contactPhone = contactPhone
        self.agentID = agentID
        self.materials = materials
        self.promisedCompletion = promisedCompletion
    }

    /// The case id, receipt, matter and the masked applicant only.
    public var description: String {
        "CaseCapture(\(caseID), receipt \(receiptNumber), matter \(matterCode), applicant \(applicant.maskedName) "
            + "\(applicant.maskedNumber))"
    }

    private enum CodingKeys: String, CodingKey {
        case caseID = "case_id", receiptNumber = "receipt_number", matterCode = "matter_code"
        case catalogueVersion = "catalogue_version", applicant, contactPhone = "contact_phone", agentID = "agent_id"
        case materials, promisedCompletion = "promised_completion"
    }
}

extension CaseCapture.Applicant: CustomStringConvertible, CustomReflectable {
    /// The masked forms only.
    public var description: String { "Applicant(\(maskedName), \(maskedNumber))" }

    /// The masked forms only, so `dump` shows no clear field.
    public var customMirror: Mirror {
        Mirror(self, children: ["maskedName": maskedName, "maskedNumber": maskedNumber], displayStyle: .struct)
    }
}
