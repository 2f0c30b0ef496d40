// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation
public import SyncProtocol

/// A captured case as lists and reprints see it: masked applicant only, with its sync state.
public struct StoredCase: Sendable, Hashable {
    /// Where the case is on its way to the central server.
    public enum SyncState: String, Sendable, Hashable {
        /// In the outbox, not yet acknowledged.
        case pending
        /// The server applied it.
        case acknowledged
        /// The server refused it for good (see ``StoredCase/rejectionReason``).
        case rejected
    }

    /// The case's id (a lowercase UUID).
    public var caseID: String
    /// The receipt's number, e.g. `R-K0007-000123`.
    public var receiptNumber: String
    /// Its outbox sequence number on this device.
    public var seq: Int64
    /// The matter's code.
    public var matterCode: String
    /// The matter's name, as printed.
    public var matterName: String
    /// The applicant's masked name.
    public var maskedName: String
    /// The applicant's masked ID number.
    public var maskedNumber: String
    /// The materials checklist.
    public var materials: [CaseCapture.Material]
    /// The agent's id.
    public var agentID: String
    /// When it was captured.
    public var capturedAt: Date
    /// The promised completion day, `yyyy-MM-dd`.
    public var promisedCompletion: String
    /// Where it is on its way to the server.
    public var syncState: SyncState
    /// Why the server refused it, when it did.
    public var rejectionReason: String?
    /// The server's case number (办件编号), once known.
    public var serverCaseNumber: String?
    /// The server's status of the case, once known.
    public var serverStatus: String?
    /// The server's note for the agent (why returned, what is missing), once given.
    public var serverNote: String?
    /// Whether its sealed personal data was erased after the retention.
    public var isPurged: Bool
}
