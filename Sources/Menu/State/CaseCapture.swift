// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A proxy case while the agent captures it: the applicant's card, the matter, the checklist, the phone.
public struct CaseCapture: Sendable, Hashable {
    /// A material's mark on the checklist.
    public enum Mark: Sendable, Hashable {
        /// 已收: handed in now.
        case received
        /// 容缺: promised later, by the due day.
        case promised
        /// 不适用: not needed for this applicant.
        case notApplicable
    }

    /// The applicant's card.
    public var applicant: CardSession
    /// The matter chosen.
    public var matter: Matter?
    /// Each material's mark, by code; a material without one is not marked yet.
    public var marks: [String: Mark] = [:]
    /// The contact phone, digits.
    public var phone: String = ""

    /// Starts a capture for an applicant.
    public init(applicant: CardSession) {
        self.applicant = applicant
    }

    /// The next mark of a material when it is tapped: 已收 → 容缺 (where allowed) → 不适用 → 已收.
    func nextMark(of material: Matter.Material) -> Mark {
        let deferrable = material.deferrable && matter?.allowsDeferral == true
        switch marks[material.code] {
        case nil, .notApplicable: return .received
        case .received: return deferrable ? .promised : .notApplicable
        case .promised: return .notApplicable
        }
    }

    /// The materials not yet marked.
    var unmarked: [Matter.Material] { (matter?.materials ?? []).filter { marks[$0.code] == nil } }

    /// The request body, with promised materials due on `dueDay`.
    func draft(dueDay: String) -> CaseDraft? {
        guard let matter else { return nil }
        let materials = matter.materials.map { material -> CaseDraft.MaterialState in
            switch marks[material.code] {
            case .promised: CaseDraft.MaterialState(code: material.code, state: "promised", promisedBy: dueDay)
            case .notApplicable: CaseDraft.MaterialState(code: material.code, state: "not_applicable")
            case .received, nil: CaseDraft.MaterialState(code: material.code, state: "received")
            }
        }
        return CaseDraft(card: applicant.card, matter: matter.code, materials: materials, contactPhone: phone)
    }
}
