// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Store
import SyncProtocol

/// A case as the agent's menu sees it (schema `Case`): masked applicant, materials, sync state, and what
/// became of its receipt's print when this answer printed it.
struct CaseView: Encodable {
    let stored: StoredCase
    var print: PrintOutcome? = nil

    private enum Keys: String, CodingKey {
        case caseId = "case_id", receiptNumber = "receipt_number", matterCode = "matter_code", matterName = "matter_name"
        case applicant, materials, agentId = "agent_id", capturedAt = "captured_at"
        case promisedCompletion = "promised_completion", sync, purged, print
    }

    private enum ApplicantKeys: String, CodingKey { case name, number }

    private enum MaterialKeys: String, CodingKey { case code, name, state, promisedBy = "promised_by" }

    private enum SyncKeys: String, CodingKey {
        case state, rejectionReason = "rejection_reason", serverCaseNumber = "server_case_number"
        case serverStatus = "server_status", serverNote = "server_note"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(stored.caseID, forKey: .caseId)
        try container.encode(stored.receiptNumber, forKey: .receiptNumber)
        try container.encode(stored.matterCode, forKey: .matterCode)
        try container.encode(stored.matterName, forKey: .matterName)
        var applicant = container.nestedContainer(keyedBy: ApplicantKeys.self, forKey: .applicant)
        try applicant.encode(stored.maskedName, forKey: .name)
        try applicant.encode(stored.maskedNumber, forKey: .number)
        var materials = container.nestedUnkeyedContainer(forKey: .materials)
        for material in stored.materials {
            var line = materials.nestedContainer(keyedBy: MaterialKeys.self)
            try line.encode(material.code, forKey: .code)
            try line.encode(material.name, forKey: .name)
            try line.encode(material.state.rawValue, forKey: .state)
            try line.encode(material.promisedBy, forKey: .promisedBy)
        }
        try container.encode(stored.agentID, forKey: .agentId)
        try container.encode(stored.capturedAt, forKey: .capturedAt)
        try container.encode(stored.promisedCompletion, forKey: .promisedCompletion)
        var sync = container.nestedContainer(keyedBy: SyncKeys.self, forKey: .sync)
        try sync.encode(stored.syncState.rawValue, forKey: .state)
        try sync.encode(stored.rejectionReason, forKey: .rejectionReason)
        try sync.encode(stored.serverCaseNumber, forKey: .serverCaseNumber)
        try sync.encode(stored.serverStatus, forKey: .serverStatus)
        try sync.encode(stored.serverNote, forKey: .serverNote)
        try container.encode(stored.isPurged, forKey: .purged)
        try container.encode(print, forKey: .print)
    }
}

/// `GET /api/v1/cases`.
struct CaseListView: Encodable {
    let cases: [CaseView]
}
