// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import PersonalData
import Store
import SyncProtocol

/// A case store over a fresh database (in memory, or an on-disk WAL pool whose files tests can scan), and
/// the drafts the tests capture.
struct CaseFixture {
    enum Kind: CaseIterable { case memory, disk }

    /// The emulator's built-in `resident` card (Sources/Reader/EmulatorFixture.swift): clear values the
    /// files must never hold.
    static let idNumber = "320102195608151233"
    static let name = "王测试"
    static let phone = "13912345678"
    static let nine = ISO8601DateFormatter().date(from: "2026-11-23T09:00:00+08:00")!

    static let matter = MatterEntry(
        code: "320102-SHBZ-0003", name: "城乡居民养老保险参保登记", department: "区人力资源和社会保障局",
        materials: [
            .init(code: "id-copy", name: "身份证复印件", deferrable: false),
            .init(code: "hukou", name: "户口簿复印件", deferrable: true),
        ], allowsDeferral: true, promisedDays: 5, retired: false, version: 3)

    let store: QueueStore
    let cases: CaseStore
    /// The database file, for a disk store.
    let path: String?

    init(_ kind: Kind = .disk) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kioskd-cases-\(UUID().uuidString)")
        let key = try DataKey.openOrCreate(at: directory.appendingPathComponent("k.key").path, recordedFingerprint: nil).0
        switch kind {
        case .memory:
            store = try QueueStore.inMemory()
            path = nil
        case .disk:
            let file = directory.appendingPathComponent("k.sqlite").path
            store = try QueueStore(path: file)
            path = file
        }
        cases = CaseStore(store: store, dataKey: key, deviceID: "K0007")
    }

    static func draft(at time: Date = nine) -> CaseDraft {
        CaseDraft(
            matter: matter,
            applicant: CaseCapture.Applicant(
                cardType: "resident", name: name, idNumber: idNumber, maskedName: "王**", maskedNumber: "3201**********1233"),
            contactPhone: phone, agentID: "agent-1",
            materials: [
                .init(code: "id-copy", name: "身份证复印件", state: .received),
                .init(code: "hukou", name: "户口簿复印件", state: .promised, promisedBy: "2026-11-30"),
            ],
            promisedCompletion: "2026-11-30", capturedAt: time)
    }

    /// Every byte of the database file and its WAL.
    func fileBytes() throws -> [(String, Data)] {
        guard let path else { return [] }
        return try ["", "-wal"].filter { FileManager.default.fileExists(atPath: path + $0) }.map {
            ("k.sqlite\($0)", try Data(contentsOf: URL(fileURLWithPath: path + $0)))
        }
    }
}
