// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import Logging
import Synchronization

/// Lets at most ``PushAdmission/maximumInFlight`` requests through to the push handler at once; answers the rest
/// `429` with `Retry-After` and the usual JSON error body, without reading their bodies (the server drains them).
struct PushAdmissionMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The pushes being handled now, shared by every connection of the server.
    private final class Slots: Sendable {
        let inFlight = Atomic<Int>(0)
    }

    private let admission: PushAdmission
    private let slots = Slots()

    init(_ admission: PushAdmission) {
        self.admission = admission
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard enter() else {
            context.logger.debug("Push refused: busy", metadata: [LogKey.refusal.rawValue: "busy"])
            return try refusal(request, context: context)
        }
        defer { slots.inFlight.subtract(1, ordering: .releasing) }
        return try await next(request, context)
    }

    /// Takes a slot, unless all are taken.
    private func enter() -> Bool {
        var current = slots.inFlight.load(ordering: .relaxed)
        while current < admission.maximumInFlight {
            let (exchanged, original) = slots.inFlight.weakCompareExchange(
                expected: current, desired: current + 1, ordering: .acquiring)
            if exchanged { return true }
            current = original
        }
        return false
    }

    /// The 429 answer.
    private func refusal(_ request: Request, context: Context) throws -> Response {
        let seconds = admission.retryAfterHeader
        return try SyncAPIError(
            .tooManyRequests, code: "busy", message: "服务器繁忙，请 \(seconds) 秒后重试", retryAfter: seconds
        ).response(from: request, context: context)
    }
}
