// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import NIOCore
import PersonalData
import PostgresNIO
import SyncProtocol

/// The batched writes of a push: one statement per table and batch, the rows bound as arrays and expanded by
/// `unnest`, whatever the batch's size. Optional values travel as a value array and a presence array, since
/// postgres-nio binds no `NULL` inside an array.
extension CentralStore {
    /// Files a batch's checked cases under the device's point in one statement: takes the point's case-status
    /// stream lock, looks the matters up, draws the case numbers in sequence order, inserts the cases whose
    /// matter is current (a case id already taken is a rejection, never an overwrite) and logs their `accepted`
    /// status. Every applicant is sealed beforehand.
    /// - Returns: The case number of each filed case, and why each other one was rejected, by sequence.
    func insertCases(
        _ cases: [PushPlan.Entry<CaseCapture>], from device: AuthenticatedDevice, _ connection: PostgresConnection
    ) async throws -> (numbers: [Int64: String], rejections: [Int64: String]) {
        guard !cases.isEmpty else { return ([:], [:]) }
        var ids: [String] = [], receipts: [String] = [], matterCodes: [String] = [], versions: [Int64] = []
        var sealed: [ByteBuffer] = [], holders: [String] = [], maskedNames: [String] = []
        var maskedNumbers: [String] = [], cardTypes: [String] = [], materials: [String] = [], phones: [String] = []
        var agents: [String] = [], promised: [String] = [], captured: [Date] = []
        let encoder = JSONEncoder()
        for entry in cases {
            let capture = entry.payload
            ids.append(capture.caseID)
            receipts.append(capture.receiptNumber)
            matterCodes.append(capture.matterCode)
            versions.append(capture.catalogueVersion)
            sealed.append(ByteBuffer(bytes: try sealApplicant(capture.applicant, caseID: capture.caseID, encoder)))
            holders.append(dataKey.holderKey(idNumber: capture.applicant.idNumber))
            maskedNames.append(capture.applicant.maskedName)
            maskedNumbers.append(capture.applicant.maskedNumber)
            cardTypes.append(capture.applicant.cardType)
            materials.append(String(decoding: try encoder.encode(capture.materials), as: UTF8.self))
            phones.append(capture.contactPhone)
            agents.append(capture.agentID)
            promised.append(capture.promisedCompletion)
            captured.append(entry.createdAt)
        }
        let stream = Self.streamLockKey("case_status", point: device.pointID)
        // The stream's lock is joined into the rows to insert, so it is held before the first case number or
        // change id is drawn (see ``lockStream(_:point:_:)``).
        let rows = try await connection.query(
            """
            WITH stream_lock AS (
                SELECT pg_advisory_xact_lock(2, hashtext(\(stream)))
            ), checked AS (
                SELECT c.*, m.retired
                FROM unnest(\(ids)::text[], \(cases.map(\.seq))::bigint[], \(receipts)::text[],
                    \(matterCodes)::text[], \(versions)::bigint[], \(sealed)::bytea[], \(holders)::text[],
                    \(maskedNames)::text[], \(maskedNumbers)::text[], \(cardTypes)::text[], \(materials)::text[],
                    \(phones)::text[], \(agents)::text[], \(promised)::text[], \(captured)::timestamptz[])
                    WITH ORDINALITY AS c(case_id, seq, receipt, matter, catalogue_version, sealed, holder, masked_name,
                        masked_number, card_type, materials, phone, agent, promised, captured, ord)
                LEFT JOIN matters m ON m.code = c.matter
            ), inserted AS (
                INSERT INTO cases (case_id, case_number, point_id, device_id, seq, receipt_number, matter_code,
                    catalogue_version, applicant_sealed, holder_key, masked_name, masked_number, card_type, materials,
                    contact_phone, agent_id, promised_completion, status, version, captured_at_device)
                SELECT c.case_id, \(device.pointID) || '-' || lpad(nextval('case_number_seq')::text, 8, '0'),
                    \(device.pointID), \(device.deviceID), c.seq, c.receipt, c.matter, c.catalogue_version, c.sealed,
                    c.holder, c.masked_name, c.masked_number, c.card_type, c.materials::jsonb, c.phone, c.agent,
                    c.promised, 'accepted', 1, c.captured
                FROM checked c CROSS JOIN stream_lock
                WHERE NOT c.retired
                ORDER BY c.ord
                ON CONFLICT (case_id) DO NOTHING
                RETURNING case_id, seq, case_number
            ), logged AS (
                INSERT INTO case_status_changes (case_id, point_id, status, version)
                SELECT case_id, \(device.pointID), 'accepted', 1 FROM inserted ORDER BY seq
            )
            SELECT c.seq, c.retired, i.case_number FROM checked c LEFT JOIN inserted i USING (seq)
            """, logger: logger)
        var numbers: [Int64: String] = [:]
        var rejections: [Int64: String] = [:]
        for try await (seq, retired, number) in rows.decode((Int64, Bool?, String?).self) {
            switch (retired, number) {
            case (nil, _): rejections[seq] = "事项不存在"
            case (true?, _): rejections[seq] = "事项已停办"
            case (false?, nil): rejections[seq] = "办件标识已被使用"
            case (false?, let number?): numbers[seq] = number
            }
        }
        return (numbers, rejections)
    }

    /// Records a batch's checked 好差评 ratings for the device's point in one statement; a ticket rated before
    /// (or twice in the batch) is a rejection.
    /// - Returns: Why each rejected rating was rejected, by sequence.
    func insertRatings(
        _ ratings: [PushPlan.Entry<RatingRecord>], from device: AuthenticatedDevice, _ connection: PostgresConnection
    ) async throws -> [Int64: String] {
        guard !ratings.isEmpty else { return [:] }
        let seqs = ratings.map(\.seq)
        let records = ratings.map(\.payload)
        let rows = try await connection.query(
            """
            INSERT INTO ratings (point_id, service_day, ticket_number, device_id, seq, business, window_id, level,
                reason, rated_at)
            SELECT \(device.pointID), r.day, r.ticket, \(device.deviceID), r.seq, r.business,
                CASE WHEN r.has_window THEN r.window_id END, r.level, CASE WHEN r.has_reason THEN r.reason END,
                r.rated_at
            FROM unnest(\(seqs)::bigint[], \(records.map(\.serviceDay))::text[], \(records.map(\.ticketNumber))::text[],
                \(records.map(\.business))::text[], \(records.map { $0.window != nil })::boolean[],
                \(records.map { $0.window ?? "" })::text[], \(records.map(\.level))::bigint[],
                \(records.map { $0.reason != nil })::boolean[], \(records.map { $0.reason ?? "" })::text[],
                \(records.map(\.ratedAt))::timestamptz[])
                AS r(seq, day, ticket, business, has_window, window_id, level, has_reason, reason, rated_at)
            ON CONFLICT DO NOTHING
            RETURNING seq
            """, logger: logger)
        var recorded = Set<Int64>()
        for try await seq in rows.decode(Int64.self) { recorded.insert(seq) }
        return Dictionary(uniqueKeysWithValues: seqs.filter { !recorded.contains($0) }.map { ($0, "该票已评价") })
    }

    /// Records a batch's checked day statistics for the device's point in one statement; a later report of the
    /// same day and business replaces the earlier one.
    func upsertStatistics(
        _ rows: [(seq: Int64, day: String, business: DayStatistics.Business)], from device: AuthenticatedDevice,
        _ connection: PostgresConnection
    ) async throws {
        guard !rows.isEmpty else { return }
        let businesses = rows.map(\.business)
        try await connection.query(
            """
            INSERT INTO day_statistics (point_id, service_day, business, taken, served, no_shows,
                average_wait_seconds, average_service_seconds, device_id, seq)
            SELECT \(device.pointID), s.day, s.business, s.taken, s.served, s.no_shows,
                CASE WHEN s.has_wait THEN s.wait END, CASE WHEN s.has_service THEN s.service END, \(device.deviceID),
                s.seq
            FROM unnest(\(rows.map(\.seq))::bigint[], \(rows.map(\.day))::text[], \(businesses.map(\.code))::text[],
                \(businesses.map(\.taken))::bigint[], \(businesses.map(\.served))::bigint[],
                \(businesses.map(\.noShows))::bigint[], \(businesses.map { $0.averageWaitSeconds != nil })::boolean[],
                \(businesses.map { $0.averageWaitSeconds ?? 0 })::float8[],
                \(businesses.map { $0.averageServiceSeconds != nil })::boolean[],
                \(businesses.map { $0.averageServiceSeconds ?? 0 })::float8[])
                AS s(seq, day, business, taken, served, no_shows, has_wait, wait, has_service, service)
            ON CONFLICT (point_id, service_day, business) DO UPDATE SET taken = EXCLUDED.taken,
                served = EXCLUDED.served, no_shows = EXCLUDED.no_shows,
                average_wait_seconds = EXCLUDED.average_wait_seconds,
                average_service_seconds = EXCLUDED.average_service_seconds,
                device_id = EXCLUDED.device_id, seq = EXCLUDED.seq
            """, logger: logger)
    }

    /// Writes the ledger rows of a batch's new operations (`applied` with the case number, or `rejected` with
    /// the reason) and advances the device's `last_seq`, in one statement.
    func recordLedger(
        _ operations: [SyncOperation], rejections: [Int64: String], caseNumbers: [Int64: String],
        ackedThrough acked: Int64, from device: AuthenticatedDevice, _ connection: PostgresConnection
    ) async throws {
        // Reasons and case numbers are never empty: "" stands for none.
        try await connection.query(
            """
            WITH ledger AS (
                INSERT INTO mutations (device_id, seq, kind, result, reason, case_number)
                SELECT \(device.deviceID), m.seq, m.kind,
                    CASE WHEN m.reason = '' THEN 'applied' ELSE 'rejected' END, NULLIF(m.reason, ''),
                    NULLIF(m.case_number, '')
                FROM unnest(\(operations.map(\.seq))::bigint[], \(operations.map(\.payload.kind))::text[],
                    \(operations.map { rejections[$0.seq] ?? "" })::text[],
                    \(operations.map { caseNumbers[$0.seq] ?? "" })::text[]) AS m(seq, kind, reason, case_number)
            )
            UPDATE devices SET last_seq = \(acked), last_seen = now() WHERE device_id = \(device.deviceID)
            """, logger: logger)
    }

    /// The applicant's clear fields (card type, name, ID number) sealed under the data key, bound to the case.
    private func sealApplicant(_ applicant: CaseCapture.Applicant, caseID: String, _ encoder: JSONEncoder) throws
        -> Data
    {
        do {
            return try dataKey.seal(encoder.encode(applicant), context: "case/\(caseID)/applicant")
        } catch {
            throw CentralError(.dataKey, "cannot seal an applicant", underlying: error)
        }
    }
}
