// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import SyncProtocol

/// `POST /api/v1/cases`: the card session the applicant comes from, the matter, each material's state, and
/// the contact phone.
struct CaseBody: Decodable {
    /// One material of the matter and what the agent did with it.
    struct Material: Decodable {
        var code: String
        /// `received`, `promised` (容缺) or `not_applicable`.
        var state: String
        /// The day a promised material is due, `yyyy-MM-dd`.
        var promisedBy: String?
    }

    /// A card session id from `card_read` / `GET /api/v1/card`: the applicant comes only from a card read.
    var card: String
    var matter: String
    var materials: [Material]
    var contactPhone: String
}

/// Checks a case form against its matter: every material of the matter given a state exactly once, 容缺
/// only where both the matter and the material allow it and with a due day not in the past, and a phone of
/// a mainland mobile or landline form.
struct CaseForm {
    let matter: MatterEntry
    /// The capture day, `yyyy-MM-dd`, in the hall's time zone.
    let today: String
    let timeZone: TimeZone

    /// The materials checklist and the normalised phone.
    /// - Throws: ``APIError`` 400 `invalid_phone`, `unknown_material`, `material_missing`,
    ///   `deferral_not_allowed` or `invalid_argument`.
    func check(_ body: CaseBody) throws(APIError) -> (materials: [CaseCapture.Material], phone: String) {
        guard let phone = ContactPhone.normalised(body.contactPhone) else {
            throw APIError(
                .badRequest, code: "invalid_phone", message: "联系电话须为 11 位手机号或带区号的固定电话，如 025-83001234")
        }
        var given: [String: CaseBody.Material] = [:]
        for material in body.materials {
            guard matter.materials.contains(where: { $0.code == material.code }) else {
                throw APIError(.badRequest, code: "unknown_material", message: "\(matter.name)没有代码为 \(material.code) 的材料")
            }
            guard given.updateValue(material, forKey: material.code) == nil else {
                throw APIError(.badRequest, code: "invalid_argument", message: "材料 \(material.code) 重复")
            }
        }
        let materials = try matter.materials.map { (required) throws(APIError) -> CaseCapture.Material in
            guard let material = given[required.code] else {
                throw APIError(.badRequest, code: "material_missing", message: "请选择“\(required.name)”的状态")
            }
            return try line(material, of: required)
        }
        return (materials, phone)
    }

    private func line(_ material: CaseBody.Material, of required: MatterEntry.Material) throws(APIError) -> CaseCapture.Material {
        guard let state = CaseCapture.Material.State(rawValue: material.state) else {
            throw APIError(.badRequest, code: "invalid_argument", message: "材料状态须为 received、promised 或 not_applicable")
        }
        guard state == .promised else {
            guard material.promisedBy == nil else {
                throw APIError(.badRequest, code: "invalid_argument", message: "只有容缺材料才有补交日期")
            }
            return CaseCapture.Material(code: required.code, name: required.name, state: state)
        }
        guard matter.allowsDeferral, required.deferrable else {
            throw APIError(.badRequest, code: "deferral_not_allowed", message: "“\(required.name)”不能容缺受理，须当场收取")
        }
        guard let due = material.promisedBy, WorkingDays.date(of: due, in: timeZone) != nil, due >= today else {
            throw APIError(.badRequest, code: "invalid_argument", message: "容缺材料须有补交日期 yyyy-MM-dd，且不早于今天")
        }
        return CaseCapture.Material(code: required.code, name: required.name, state: .promised, promisedBy: due)
    }
}
