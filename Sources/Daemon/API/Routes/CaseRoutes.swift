// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import Store

/// The agent's menu: the matter catalogue, capturing a case from a card session, the recent cases with their
/// sync state, reprinting a receipt, and the outbox's state.
struct CaseRoutes {
    let cases: CaseService
    let sync: SyncLink

    func register(on router: Router<KioskRequestContext>) {
        let api = router.group("api/v1")
        api.get("matters") { _, _ in
            let matters = try await cases.perform { try $0.matters() }
            return JSONResponse(MatterListView(matters: matters.map(MatterView.init)))
        }
        api.post("cases") { request, context in
            let agent = try cases.sessions.agent(of: request)
            let body = try await request.decodeRequired(CaseBody.self, context: context)
            let (stored, print) = try await cases.capture(body, by: agent, committed: sync.notifyLocalWrite)
            return JSONResponse(CaseView(stored: stored, print: print), status: .created)
        }
        api.get("cases") { request, _ in
            _ = try cases.sessions.agent(of: request)
            return JSONResponse(CaseListView(cases: try await cases.recentCases().map { CaseView(stored: $0) }))
        }
        api.post("cases/:id/print") { request, context in
            _ = try cases.sessions.agent(of: request)
            let (stored, print) = try await cases.reprint(caseID: try context.parameters.require("id"))
            return JSONResponse(CaseView(stored: stored, print: print))
        }
        api.get("sync/status") { _, _ in
            JSONResponse(SyncStatusView(summary: try await cases.syncSummary(), link: await .of(sync)))
        }
    }
}
