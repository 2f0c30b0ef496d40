// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing
@testable import Menu

/// The event stream as the daemon's OpenAPI description shows it, read whole and byte by byte.
struct ServerSentEventParserTests {
    /// The example of `GET /api/v1/events` in openapi.yaml, with a card_read and a print_failed added as the
    /// description lists their fields.
    static let stream = """
        retry: 3000

        : ping

        id: 1042
        event: ticket_called
        data: {"kind":"ticket_called","seq":1042,"at":"2026-11-23T02:13:40Z","service_day":"2026-11-23","ticket_id":3517,"number":"A017","business":"social-security","window":"3","detail":{"reason":"间隔叫号 2:1：本轮叫优先号，老年人优先，已等 19 分钟","priority":"elderly","window_name":"3号窗口"}}

        id: 1043
        event: alarm_changed
        data: {"kind":"alarm_changed","seq":1043,"at":"2026-11-23T02:13:40Z","service_day":"2026-11-23","ticket_id":null,"number":null,"business":"social-security","window":null,"detail":{"from":"orange","to":"yellow","waiting":"12","longest_wait_seconds":"1140"}}

        event: card_read
        data: {"kind":"card_read","card":"6f1c2d3e-0000-4000-8000-000000000001","card_type":"resident","name":"王**","number":"3201**********1233","birth_year":1951,"elderly":true}

        event: print_failed
        data: {"kind":"print_failed","number":"A018","condition":"paper_out","message":"凭条没有打印出来。请记住您的号码 A018，到服务台补打凭条","staff_message":"打印纸用完了，请装入新纸卷"}


        """

    static let expected: [DaemonEvent] = [
        .ticketCalled(number: "A017", windowName: "3号窗口"),
        .loadChanged,
        .cardRead(CardSession(card: "6f1c2d3e-0000-4000-8000-000000000001", name: "王**", elderly: true)),
        .printFailed(number: "A018", message: "凭条没有打印出来。请记住您的号码 A018，到服务台补打凭条"),
    ]

    @Test func readsTheDocumentedStream() {
        var parser = ServerSentEventParser()
        let messages = parser.feed(Array(Self.stream.utf8))
        #expect(messages.map(\.id) == ["1042", "1043", "1043", "1043"])
        #expect(messages.compactMap(DaemonEvent.init) == Self.expected)
        #expect(parser.retryMilliseconds == 3000)
    }

    @Test func bytesSplitAnywhereGiveTheSameEvents() {
        var parser = ServerSentEventParser()
        var events: [DaemonEvent] = []
        for byte in Array(Self.stream.replacingOccurrences(of: "\n", with: "\r\n").utf8) {
            events += parser.feed([byte]).compactMap(DaemonEvent.init)
        }
        #expect(events == Self.expected)
    }
}
