// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation
import SyncProtocol

/// The demo hall's matter catalogue and agent, seeded when `kioskd run` starts with the built-in demo hall
/// and an empty catalogue, so the agent's menu can be tried before a central server sends the real one.
public enum DemoCatalogue {
    /// The demo agent's id.
    static let agentID = "agent-1"
    /// The demo agent's name, as printed on receipts.
    static let agentName = "示范代办员"
    /// The demo agent's PIN: for trying the demo only.
    static let agentPIN = "246810"

    /// The catalogue as a JSON array, the format `kiosk-central catalogue import` reads (the server gives
    /// each matter its own version).
    /// - Returns: Pretty-printed UTF-8 JSON with sorted keys.
    /// - Throws: Never in practice: the matters always encode.
    public static func json() throws -> Data {
        let encoder = SyncJSON.encoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(matters)
    }

    /// Four matters a village service point handles for residents; two allow 容缺 for one material each (the
    /// pension registration's household-register copy, the old-age allowance's bank-card copy).
    static let matters: [MatterEntry] = [
        MatterEntry(
            code: "DEMO-RSJ-0001", name: "城乡居民基本养老保险参保登记", department: "区人力资源和社会保障局",
            materials: [
                .init(code: "id-card-copy", name: "居民身份证复印件", deferrable: false),
                .init(code: "household-register", name: "户口簿复印件", deferrable: true),
                .init(code: "application-form", name: "参保登记表", deferrable: false),
            ], allowsDeferral: true, promisedDays: 5, retired: false, version: 1),
        MatterEntry(
            code: "DEMO-YBJ-0002", name: "城乡居民基本医疗保险参保缴费", department: "区医疗保障局",
            materials: [
                .init(code: "id-card-copy", name: "居民身份证复印件", deferrable: false),
                .init(code: "household-register", name: "户口簿复印件", deferrable: false),
            ], allowsDeferral: false, promisedDays: 3, retired: false, version: 1),
        MatterEntry(
            code: "DEMO-MZJ-0003", name: "高龄津贴申领", department: "区民政局",
            materials: [
                .init(code: "id-card-copy", name: "居民身份证复印件", deferrable: false),
                .init(code: "bank-card-copy", name: "本人银行卡复印件", deferrable: true),
            ], allowsDeferral: true, promisedDays: 10, retired: false, version: 1),
        MatterEntry(
            code: "DEMO-CJL-0004", name: "残疾人两项补贴申请", department: "区残疾人联合会",
            materials: [
                .init(code: "id-card-copy", name: "居民身份证复印件", deferrable: false),
                .init(code: "disability-card", name: "残疾人证", deferrable: false),
                .init(code: "application-form", name: "补贴申请审批表", deferrable: false),
            ], allowsDeferral: false, promisedDays: 15, retired: false, version: 1),
    ]
}
