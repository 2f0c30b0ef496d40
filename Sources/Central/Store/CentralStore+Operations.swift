// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import PersonalData
import PostgresNIO
import SyncProtocol

/// Why an operation is permanently invalid, in Chinese for the agent.
struct Rejection: Error, Sendable {
    let reason: String
}

extension CentralStore {
    /// Files a captured case under the device's point: checks it, seals the applicant, draws the case number,
    /// inserts it (a case id already taken is a rejection, never an overwrite) and logs its `accepted` status.
    /// - Returns: The case number, or why it was rejected.
    func insertCase(
        _ capture: CaseCapture, seq: Int64, createdAt: Date, from device: AuthenticatedDevice,
        _ connection: PostgresConnection
    ) async throws -> Result<String, Rejection> {
        if let problem = CaptureCheck.problem(with: capture) { return .failure(Rejection(reason: problem)) }
        let matter = try await connection.query(
            "SELECT retired FROM matters WHERE code = \(capture.matterCode)", logger: logger
        ).firstValue(Bool.self)
        guard let retired = matter else { return .failure(Rejection(reason: "事项不存在")) }
        if retired { return .failure(Rejection(reason: "事项已停办")) }
        let sealed = try sealApplicant(capture.applicant, caseID: capture.caseID)
        let materials = String(decoding: try JSONEncoder().encode(capture.materials), as: UTF8.self)
        try await lockStream("case_status", point: device.pointID, connection)
        let number = try await connection.query(
            """
            INSERT INTO cases (case_id, case_number, point_id, device_id, seq, receipt_number, matter_code,
                catalogue_version, applicant_sealed, holder_key, masked_name, masked_number, card_type, materials,
                contact_phone, agent_id, promised_completion, status, version, captured_at_device)
            VALUES (\(capture.caseID), \(device.pointID) || '-' || lpad(nextval('case_number_seq')::text, 8, '0'),
                \(device.pointID), \(device.deviceID), \(seq), \(capture.receiptNumber), \(capture.matterCode),
                \(capture.catalogueVersion), \(sealed), \(dataKey.holderKey(idNumber: capture.applicant.idNumber)),
                \(capture.applicant.maskedName), \(capture.applicant.maskedNumber), \(capture.applicant.cardType),
                \(materials)::jsonb, \(capture.contactPhone), \(capture.agentID), \(capture.promisedCompletion),
                'accepted', 1, \(createdAt))
            ON CONFLICT (case_id) DO NOTHING
            RETURNING case_number
            """, logger: logger
        ).firstValue(String.self)
        guard let number else { return .failure(Rejection(reason: "办件标识已被使用")) }
        try await connection.query(
            """
            INSERT INTO case_status_changes (case_id, point_id, status, version)
            VALUES (\(capture.caseID), \(device.pointID), 'accepted', 1)
            """, logger: logger)
        return .success(number)
    }

    /// Records a 好差评 rating for the device's point; a ticket rated before is a rejection.
    /// - Returns: Why it was rejected, or `nil` when recorded.
    func insertRating(
        _ rating: RatingRecord, seq: Int64, from device: AuthenticatedDevice, _ connection: PostgresConnection
    )
        async throws -> String?
    {
        if let problem = CaptureCheck.problem(with: rating) { return problem }
        let inserted = try await connection.query(
            """
            INSERT INTO ratings (point_id, service_day, ticket_number, device_id, seq, business, window_id, level, reason, rated_at)
            VALUES (\(device.pointID), \(rating.serviceDay), \(rating.ticketNumber), \(device.deviceID), \(seq),
                \(rating.business), \(rating.window), \(rating.level), \(rating.reason), \(rating.ratedAt))
            ON CONFLICT DO NOTHING
            RETURNING 1
            """, logger: logger
        ).firstValue(Int.self)
        return inserted == nil ? "该票已评价" : nil
    }

    /// Records a day's queue statistics for the device's point; a later report of the same day replaces it.
    /// - Returns: Why it was rejected, or `nil` when recorded.
    func upsertStatistics(
        _ statistics: DayStatistics, seq: Int64, from device: AuthenticatedDevice, _ connection: PostgresConnection
    ) async throws -> String? {
        if let problem = CaptureCheck.problem(with: statistics) { return problem }
        for business in statistics.businesses {
            try await connection.query(
                """
                INSERT INTO day_statistics (point_id, service_day, business, taken, served, no_shows,
                    average_wait_seconds, average_service_seconds, device_id, seq)
                VALUES (\(device.pointID), \(statistics.serviceDay), \(business.code), \(business.taken), \(business.served),
                    \(business.noShows), \(business.averageWaitSeconds), \(business.averageServiceSeconds),
                    \(device.deviceID), \(seq))
                ON CONFLICT (point_id, service_day, business) DO UPDATE SET taken = EXCLUDED.taken,
                    served = EXCLUDED.served, no_shows = EXCLUDED.no_shows,
                    average_wait_seconds = EXCLUDED.average_wait_seconds,
                    average_service_seconds = EXCLUDED.average_service_seconds,
                    device_id = EXCLUDED.device_id, seq = EXCLUDED.seq
                """, logger: logger)
        }
        return nil
    }

    /// The applicant's clear fields (card type, name, ID number) sealed under the data key, bound to the case.
    private func sealApplicant(_ applicant: CaseCapture.Applicant, caseID: String) throws -> Data {
        do {
            return try dataKey.seal(JSONEncoder().encode(applicant), context: "case/\(caseID)/applicant")
        } catch {
            throw CentralError(.dataKey, "cannot seal an applicant", underlying: error)
        }
    }
}
