// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
@testable import Menu

/// The daemon's answers as the OpenAPI description documents them, decoded.
struct DaemonClientTests {
    @Test func aRefusalKeepsTheMessageForPeopleAndTheNumber() {
        let body = #"{"error":{"code":"already_has_ticket","message":"您今天已取过社保业务的号 A005","ticket_number":"A005"}}"#
        let error = DaemonClient.refusal(status: 409, body: Array(body.utf8), method: "POST", path: "/api/v1/tickets")
        #expect(error.code == .daemonRefused && error.apiCode == "already_has_ticket" && error.ticketNumber == "A005")
        #expect(error.message == "您今天已取过社保业务的号 A005")
    }

    @Test func anUnreadableRefusalIsUnexpected() {
        let error = DaemonClient.refusal(status: 502, body: Array("<html>".utf8), method: "GET", path: "/api/v1/businesses")
        #expect(error.code == .unexpectedAnswer && error.status == 502)
    }

    @Test func theDocumentedBusinessAndTicketDecode() throws {
        let business = #"{"code":"social-security","name":"社保业务","prefix":"A","waiting":12,"alarm_level":"yellow","alarm_label":"黄色","longest_wait_seconds":1140,"open_windows":2,"taking_tickets":true,"estimated_wait_seconds":1560}"#
        let decoded = try DaemonClient.decoder.decode(Business.self, from: Data(business.utf8))
        #expect(decoded == Business(code: "social-security", name: "社保业务", prefix: "A", waiting: 12, alarmLevel: "yellow", alarmLabel: "黄色", openWindows: 2, estimatedWaitSeconds: 1560))
        let ticket = #"{"id":1,"number":"A001","business":"social-security","business_name":"社保业务","issued_business":"social-security","priority":"normal","priority_label":"普通","priority_category":null,"status":"waiting","service_day":"2026-11-23","taken_at":"2026-11-23T01:00:00Z","window":null,"window_name":null,"pinned_window":null,"first_called_at":null,"last_called_at":null,"closed_at":null,"outcome":null,"recall_count":0,"transfer_count":0,"ahead":0,"estimated_wait_seconds":null,"rating":null,"print":{"state":"failed","job_id":null,"message":"凭条没有打印出来。请记住您的号码 A001，到服务台补打凭条","printer":null}}"#
        let decodedTicket = try DaemonClient.decoder.decode(Ticket.self, from: Data(ticket.utf8))
        #expect(decodedTicket.print == PrintOutcome(state: "failed", message: "凭条没有打印出来。请记住您的号码 A001，到服务台补打凭条"))
        #expect(decodedTicket.ahead == 0 && decodedTicket.estimatedWaitSeconds == nil)
    }
}
