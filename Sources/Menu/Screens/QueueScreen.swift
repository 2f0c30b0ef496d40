// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The queue: waiting per business with its 五色预警 colour said in words; a tap takes a number there.
enum QueueScreen {
    /// What each alarm level means, after its colour word.
    static func meaning(of level: String) -> String {
        switch level {
        case "blue": "空闲"
        case "green": "正常"
        case "yellow": "较忙"
        case "orange": "繁忙"
        case "red": "拥挤"
        default: ""
        }
    }

    static func content(_ state: MenuState, page: Int) -> ScreenContent {
        let shown = MenuScreen.page(state.businesses, page, size: ScreenLayout.pageSize(elderly: state.elderly))
        let buttons = shown.items.map { business in
            Button(
                id: "business:\(business.code)", label: business.name,
                detail: "等候 \(business.waiting) 人，\(business.alarmLabel)\(meaning(of: business.alarmLevel))",
                role: role(of: business.alarmLevel), isEnabled: business.takingTickets)
        }
        let lines: [ScreenContent.Line] = state.elderly ? [] : [.init("点按业务可直接取号", .normal)]
        return ScreenContent(
            title: "排队情况", lines: lines, buttons: MenuScreen.numbered(buttons),
            navigation: MenuScreen.navigation(paging: (shown.page, shown.pages)))
    }

    /// Busy businesses stand out in yellow (with the word, never by colour alone).
    private static func role(of level: String) -> Button.Role {
        level == "orange" || level == "red" || level == "yellow" ? .selected : .choice
    }
}
