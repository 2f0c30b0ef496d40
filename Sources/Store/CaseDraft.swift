// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation
public import SyncProtocol

/// A case as the agent completed it, before it is captured: what ``CaseStore/capture(_:)`` needs besides
/// the ids and numbers it assigns.
public struct CaseDraft: Sendable {
    /// The matter, from the catalogue.
    public var matter: MatterEntry
    /// The applicant, from the ID card.
    public var applicant: CaseCapture.Applicant
    /// The contact phone.
    public var contactPhone: String
    /// The agent's id.
    public var agentID: String
    /// The materials checklist.
    public var materials: [CaseCapture.Material]
    /// The promised completion day, `yyyy-MM-dd`.
    public var promisedCompletion: String
    /// When it was captured.
    public var capturedAt: Date

    /// Creates a draft.
    /// - Parameters:
    ///   - matter: The matter.
    ///   - applicant: The applicant, from the ID card.
    ///   - contactPhone: The contact phone.
    ///   - agentID: The agent's id.
    ///   - materials: The materials checklist.
    ///   - promisedCompletion: The promised completion day, `yyyy-MM-dd`.
    ///   - capturedAt: When it was captured.
    public init(
        matter: MatterEntry, applicant: CaseCapture.Applicant, contactPhone: String, agentID: String,
        materials: [CaseCapture.Material], promisedCompletion: String, capturedAt: Date
    ) {
        self.matter = matter
        self.applicant = applicant
        self.contactPhone = contactPhone
        self.agentID = agentID
        self.materials = materials
        self.promisedCompletion = promisedCompletion
        self.capturedAt = capturedAt
    }
}
