// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import PostgresNIO
import SyncProtocol

/// The baseline of push ingest: the same cases written as one multi-row `INSERT` per batch into a table shaped
/// like the server's `cases` (same columns, keys and indexes; no ledger, no status log, no audit, no HTTP).
enum RawIngest {
    static let columns = [
        "case_id", "case_number", "point_id", "device_id", "seq", "receipt_number", "matter_code",
        "catalogue_version", "applicant_sealed", "holder_key", "masked_name", "masked_number", "card_type",
        "materials", "contact_phone", "agent_id", "promised_completion", "status", "version", "captured_at_device",
    ]

    /// Creates the empty table beside `cases`.
    static func createTable(in fixture: CentralFixture) async throws {
        try await fixture.execute("CREATE TABLE raw_cases (LIKE cases INCLUDING DEFAULTS INCLUDING INDEXES)")
    }

    /// Inserts one batch of a device's operations in one statement (autocommit: one transaction).
    static func insert(_ operations: [SyncOperation], device: String, point: String, in fixture: CentralFixture)
        async throws
    {
        var bindings = PostgresBindings(capacity: operations.count * columns.count)
        var rows: [String] = []
        let encoder = JSONEncoder()
        for operation in operations {
            guard case .caseCaptured(let capture) = operation.payload else { continue }
            let first = bindings.count
            bindings.append(capture.caseID)
            bindings.append("\(device)-\(operation.seq)")
            bindings.append(point)
            bindings.append(device)
            bindings.append(operation.seq)
            bindings.append(capture.receiptNumber)
            bindings.append(capture.matterCode)
            bindings.append(capture.catalogueVersion)
            // The applicant as many bytes as the server's sealed box holds (JSON + 28 bytes of AES-GCM).
            bindings.append(ByteBuffer(bytes: try encoder.encode(capture.applicant) + Data(count: 28)))
            bindings.append(capture.applicant.maskedNumber + "-holder")
            bindings.append(capture.applicant.maskedName)
            bindings.append(capture.applicant.maskedNumber)
            bindings.append(capture.applicant.cardType)
            bindings.append(String(decoding: try encoder.encode(capture.materials), as: UTF8.self))
            bindings.append(capture.contactPhone)
            bindings.append(capture.agentID)
            bindings.append(capture.promisedCompletion)
            bindings.append("accepted")
            bindings.append(Int64(1))
            bindings.append(operation.createdAt)
            let placeholders = (first + 1...first + columns.count).map { index in
                index == first + 14 ? "$\(index)::jsonb" : "$\(index)"
            }
            rows.append("(" + placeholders.joined(separator: ", ") + ")")
        }
        let sql = "INSERT INTO raw_cases (\(columns.joined(separator: ", "))) VALUES " + rows.joined(separator: ", ")
        try await fixture.client.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: CentralFixture.quiet)
    }
}
