// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import Queue
import Store

/// Public booking routes for the touchscreen menu (预约签到): a day's bookings, masked, and a booking's
/// check-in.
struct BookingRoutes {
    let hall: HallService
    let cases: CaseService
    let checkIn: BookingCheckIn

    /// The check-in body: an optional card session id that binds the ticket to the card holder.
    struct CheckInBody: Decodable {
        var card: String?
    }

    func register(on router: Router<KioskRequestContext>) {
        let api = router.group("api/v1/bookings")
        api.get { request, _ in
            let timeZone = hall.configuration.timeZone
            let day = request.uri.queryParameters["day"].map { String($0) } ?? WorkingDays.text(of: hall.currentTime, in: timeZone)
            guard let moments = LocalDay.moments(of: day, in: timeZone) else {
                throw APIError.badRequest("day 须为 yyyy-MM-dd 格式的日期")
            }
            let bookings = try await cases.perform { try $0.bookings(startingIn: moments) }
            let configuration = hall.configuration
            return JSONResponse(
                BookingListView(day: day, bookings: bookings.map { BookingView(booking: $0, configuration: configuration) }))
        }
        api.post(":code/check-in") { request, context in
            // The path is not percent-decoded: a code typed with spaces around it arrives as `%20Y0001`.
            let raw = try context.parameters.require("code")
            let code = raw.removingPercentEncoding ?? raw
            let body = try await request.decodeIfPresent(CheckInBody.self, context: context)
            let ticket = try await checkIn.checkIn(code: code, card: body?.card, logger: context.logger)
            return JSONResponse(ticket, status: .created)
        }
    }
}
