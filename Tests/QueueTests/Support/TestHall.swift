// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Queue

/// A small hall for engine tests: two businesses, three windows (one 综合窗口), times around 09:00 Beijing.
enum TestHall {
    static let timeZone = TimeZone(identifier: "Asia/Shanghai")!

    /// 2026-11-23 09:00 in Beijing.
    static let nine = date("2026-11-23T09:00:00+08:00")

    static func date(_ iso: String) -> Date {
        ISO8601DateFormatter().date(from: iso)!
    }

    static func configuration(
        policy: CallingPolicy = .strict,
        nightlyReset: Bool = true,
        width: Int = 3,
        capacity: Int? = nil,
        hours: OpenHours = .allDay,
        windowRules: WindowRules = WindowRules()
    ) -> HallConfiguration {
        HallConfiguration(
            name: "测试政务服务中心",
            timeZone: timeZone,
            nightlyReset: nightlyReset,
            businesses: [
                Business(code: "social", name: "社保业务", prefix: "A", numberWidth: width, openHours: hours, dailyCapacity: capacity, typicalServiceSeconds: 300),
                Business(code: "housing", name: "不动产登记", prefix: "B", numberWidth: width, typicalServiceSeconds: 600),
            ],
            windows: [
                Window(id: "1", name: "1号窗口", businesses: [ServedBusiness(business: "social")]),
                Window(id: "2", name: "2号窗口", businesses: [ServedBusiness(business: "housing")]),
                Window(id: "3", name: "3号综合窗口", businesses: [ServedBusiness(business: "social"), ServedBusiness(business: "housing", weight: 2)]),
            ],
            callingPolicy: policy,
            windowRules: windowRules)
    }

    static func engine(_ configuration: HallConfiguration = configuration(), at now: Date = nine) -> QueueEngine {
        QueueEngine(configuration: configuration, now: now)
    }
}

extension QueueEngine {
    /// Takes a ticket `minutes` after `base`, failing the test on error.
    @discardableResult
    mutating func take(_ business: String, at now: Date, priority: PriorityClass = .normal, category: String? = nil, birthDate: String? = nil) throws -> Ticket {
        try take(TakeRequest(business: business, priority: priority, priorityCategory: category, birthDate: birthDate), now: now).value
    }

    /// Calls next at a window and returns the number, or nil.
    mutating func callNumber(_ window: String, at now: Date) throws -> String? {
        try callNext(window: window, now: now).value?.ticket.number
    }
}

extension Date {
    func plus(minutes: Double) -> Date { addingTimeInterval(minutes * 60) }
}
