// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import GRDB
import SyncProtocol

/// A row of the `proxy_case` table. The applicant and the phone are sealed boxes, `nil` once purged.
struct CaseRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "proxy_case"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var caseId: String
    var receiptNumber: String
    var seq: Int64
    var matterCode: String
    var matterName: String
    var catalogueVersion: Int64
    var applicantSealed: Data?
    var applicantMaskedName: String
    var applicantMaskedNumber: String
    var phoneSealed: Data?
    var materials: String
    var agentId: String
    var capturedAt: Double
    var promisedCompletion: String
    var syncState: String
    var rejectionReason: String?
    var serverCaseNumber: String?
    var serverStatus: String?
    var serverNote: String?
    var purgedAt: Double?

    /// The case as lists show it; `nil` when the row holds values this build does not know.
    var storedCase: StoredCase? {
        guard let state = StoredCase.SyncState(rawValue: syncState),
            let materials = try? SyncJSON.decoder().decode([CaseCapture.Material].self, from: Data(materials.utf8))
        else { return nil }
        return StoredCase(
            caseID: caseId, receiptNumber: receiptNumber, seq: seq, matterCode: matterCode, matterName: matterName,
            maskedName: applicantMaskedName, maskedNumber: applicantMaskedNumber, materials: materials, agentID: agentId,
            capturedAt: Date(timeIntervalSince1970: capturedAt), promisedCompletion: promisedCompletion, syncState: state,
            rejectionReason: rejectionReason, serverCaseNumber: serverCaseNumber, serverStatus: serverStatus,
            serverNote: serverNote, isPurged: purgedAt != nil)
    }
}

/// A row of the `outbox` table: one sealed ``SyncOperation`` JSON, `nil` once purged.
struct OutboxRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "outbox"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var seq: Int64
    var kind: String
    var payload: Data?
    /// The clear JSON's length, for batches capped in bytes.
    var byteCount: Int
    var createdAt: Double
    var ackedAt: Double?
    var rejectionReason: String?
}
