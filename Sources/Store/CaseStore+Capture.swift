// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation
import GRDB
import PersonalData
import SyncProtocol

extension CaseStore {
    /// Captures a case in one durable transaction: the outbox entry with the device's next sequence number
    /// (one more than the highest ever used, never reused), the receipt number, and the case row. It
    /// returns after the commit, so the receipt can be printed for a case that is on disk.
    /// - Parameter draft: The case as the agent completed it.
    /// - Returns: The case as stored (masked applicant), with its receipt number and sequence number.
    /// - Throws: ``StoreError`` `writeFailed`; nothing of the case is written then.
    public func capture(_ draft: CaseDraft) throws(StoreError) -> StoredCase {
        let caseID = UUID().uuidString.lowercased()
        do {
            let encoder = SyncJSON.encoder()
            let applicant = try dataKey.seal(encoder.encode(draft.applicant), context: Self.context(case: caseID, field: "applicant"))
            let phone = try dataKey.seal(Data(draft.contactPhone.utf8), context: Self.context(case: caseID, field: "phone"))
            let materials = String(decoding: try encoder.encode(draft.materials), as: UTF8.self)
            let record = try writer.write { db in
                let receipt = try Self.nextValue(of: "receipt", in: db)
                let digits = String(receipt)
                let receiptNumber = "R-\(deviceID)-" + String(repeating: "0", count: max(6 - digits.count, 0)) + digits
                let capture = CaseCapture(
                    caseID: caseID, receiptNumber: receiptNumber, matterCode: draft.matter.code,
                    catalogueVersion: draft.matter.version, applicant: draft.applicant, contactPhone: draft.contactPhone,
                    agentID: draft.agentID, materials: draft.materials, promisedCompletion: draft.promisedCompletion)
                let seq = try appendOperation(.caseCaptured(capture), createdAt: draft.capturedAt, encoder: encoder, in: db)
                let record = CaseRecord(
                    caseId: caseID, receiptNumber: receiptNumber, seq: seq, matterCode: draft.matter.code,
                    matterName: draft.matter.name, catalogueVersion: draft.matter.version, applicantSealed: applicant,
                    applicantMaskedName: draft.applicant.maskedName, applicantMaskedNumber: draft.applicant.maskedNumber,
                    phoneSealed: phone, materials: materials, agentId: draft.agentID,
                    capturedAt: draft.capturedAt.timeIntervalSince1970, promisedCompletion: draft.promisedCompletion,
                    syncState: StoredCase.SyncState.pending.rawValue, rejectionReason: nil, serverCaseNumber: nil,
                    serverStatus: nil, serverNote: nil, purgedAt: nil)
                try record.insert(db)
                return record
            }
            return StoredCase(
                caseID: caseID, receiptNumber: record.receiptNumber, seq: record.seq, matterCode: draft.matter.code,
                matterName: draft.matter.name, maskedName: draft.applicant.maskedName,
                maskedNumber: draft.applicant.maskedNumber, materials: draft.materials, agentID: draft.agentID,
                capturedAt: draft.capturedAt, promisedCompletion: draft.promisedCompletion, syncState: .pending,
                rejectionReason: nil, serverCaseNumber: nil, serverStatus: nil, serverNote: nil, isPurged: false)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.writeFailed, "cannot capture a case", underlying: error)
        }
    }

    /// Cases captured at or after `since`, newest first (masked applicant only).
    /// - Parameters:
    ///   - since: The earliest capture time.
    ///   - limit: The most to return.
    public func cases(since: Date, limit: Int = 200) throws(StoreError) -> [StoredCase] {
        do {
            return try writer.read { db in
                try CaseRecord.fetchAll(
                    db, sql: "SELECT * FROM proxy_case WHERE captured_at >= ? ORDER BY captured_at DESC, seq DESC LIMIT ?",
                    arguments: [since.timeIntervalSince1970, limit]
                ).compactMap(\.storedCase)
            }
        } catch {
            throw StoreError(.readFailed, "cannot read cases", underlying: error)
        }
    }

    /// The case with this id, if any (masked applicant only).
    public func storedCase(id: String) throws(StoreError) -> StoredCase? {
        do {
            return try writer.read { db in try CaseRecord.fetchOne(db, key: id)?.storedCase }
        } catch {
            throw StoreError(.readFailed, "cannot read a case", underlying: error)
        }
    }
}
