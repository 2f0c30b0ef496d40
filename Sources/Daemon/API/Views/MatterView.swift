// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import SyncProtocol

/// A catalogue entry for the agent's menu (schema `Matter`).
struct MatterView: Encodable {
    /// One required material and whether it may be promised later (容缺).
    struct Material: Encodable {
        let code: String
        let name: String
        let deferrable: Bool
    }

    let code: String
    let name: String
    let department: String
    let materials: [Material]
    let allowsDeferral: Bool
    let promisedDays: Int
    let version: Int64

    init(_ matter: MatterEntry) {
        code = matter.code
        name = matter.name
        department = matter.department
        // A material is deferrable at the counter only if the matter allows 容缺 at all.
        materials = matter.materials.map { Material(code: $0.code, name: $0.name, deferrable: $0.deferrable && matter.allowsDeferral) }
        allowsDeferral = matter.allowsDeferral
        promisedDays = matter.promisedDays
        version = matter.version
    }
}

/// `GET /api/v1/matters`.
struct MatterListView: Encodable {
    let matters: [MatterView]
}
