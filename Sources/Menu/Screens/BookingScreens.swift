// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Appointment check-in: the card holder's bookings, or the code on the keypad.
enum BookingScreens {
    static func choice(_ state: MenuState) -> ScreenContent {
        var lines = MenuScreen.greeting(state)
        var buttons: [Button] = []
        if let card = state.card {
            let mine = state.bookings.filter { $0.holder == card.name && $0.status == "booked" }
            buttons = mine.prefix(ScreenLayout.pageSize(elderly: state.elderly) - 1).map { booking in
                Button(id: "booking:\(booking.code)", label: "签到 \(booking.businessName)", detail: slot(of: booking), role: .confirm)
            }
            lines.append(.init(mine.isEmpty ? "没有找到您今天的预约，请输入预约码" : "请点按您的预约", .normal))
        } else {
            lines.append(.init("请刷身份证，或输入预约码", .headline))
        }
        buttons.append(Button(id: "typeCode", label: "输入预约码", detail: state.elderly ? nil : "预约短信里的号码，如 Y0001"))
        return ScreenContent(title: "预约签到", lines: lines, buttons: MenuScreen.numbered(buttons), navigation: MenuScreen.navigation())
    }

    static func code(_ state: MenuState, typed: String) -> ScreenContent {
        MenuScreen.keypad(
            title: "输入预约码", lines: state.elderly ? [] : [.init("请输入预约码的数字，输完点「确认」", .normal)], caption: "预约码",
            value: typed)
    }

    /// A booking's slot in the kiosk's time zone, `09:00-09:30`.
    static func slot(of booking: Booking) -> String {
        "\(time(of: booking.slotStart))-\(time(of: booking.slotEnd))"
    }

    private static func time(of iso: String) -> String {
        guard let date = try? Date(iso, strategy: .iso8601) else { return "" }
        let parts = Calendar.current.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}
