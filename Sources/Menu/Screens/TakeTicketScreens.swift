// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Taking a number in three taps: the business, the confirmation with the wait, the ticket.
enum TakeTicketScreens {
    static func businesses(_ state: MenuState, page: Int) -> ScreenContent {
        let shown = MenuScreen.page(state.businesses, page, size: ScreenLayout.pageSize(elderly: state.elderly))
        let buttons = shown.items.map { business in
            Button(
                id: "business:\(business.code)", label: business.name,
                detail: business.takingTickets ? "等候 \(business.waiting) 人" : (business.openWindows == 0 ? "暂停办理" : "现在不能取号"),
                isEnabled: business.takingTickets)
        }
        var lines = MenuScreen.greeting(state)
        if state.businesses.isEmpty { lines.append(.init("正在读取业务，请稍候", .headline)) }
        if !state.elderly { lines.append(.init("请点按要办理的业务", .normal)) }
        return ScreenContent(
            title: "请选择业务", lines: lines, buttons: MenuScreen.numbered(buttons),
            navigation: MenuScreen.navigation(paging: (shown.page, shown.pages)))
    }

    static func confirmation(_ state: MenuState, business code: String) -> ScreenContent {
        guard let business = state.business(code) else {
            return ScreenContent(title: "请选择业务", lines: [.init("没有这项业务，请返回重选", .problem)], navigation: MenuScreen.navigation())
        }
        var lines = MenuScreen.greeting(state)
        lines.append(.init(business.name, .headline))
        if business.openWindows == 0 || business.estimatedWaitSeconds == nil {
            lines.append(.init("现在没有窗口办理，等候时间暂时无法估计", .normal))
        } else {
            lines.append(.init(MenuScreen.waitWords(ahead: business.waiting, seconds: business.estimatedWaitSeconds), .normal))
        }
        if !state.printerReady { lines.append(.init("号票暂时打印不出，取号后请记住号码", .problem)) }
        return ScreenContent(
            title: "确认取号", lines: lines,
            buttons: [Button(id: "confirm", label: "确认取号", detail: state.elderly ? nil : "打印号票", key: "1", role: .confirm)],
            navigation: MenuScreen.navigation())
    }

    static func ticket(_ ticket: Ticket, print: Screen.PrintState, checkedIn: Bool, state: MenuState) -> ScreenContent {
        var lines: [ScreenContent.Line] = [.init("您的号码  \(ticket.number)", .headline), .init(ticket.businessName, .normal)]
        if ticket.priorityLabel != "普通" { lines.append(.init(ticket.priorityLabel, .success)) }
        lines.append(.init(MenuScreen.waitWords(ahead: ticket.ahead ?? 0, seconds: ticket.estimatedWaitSeconds), .normal))
        switch print {
        case .printing: lines.append(.init("正在打印号票，请取走号票", .normal))
        case .printed: lines.append(.init("请取走号票，留意叫号", .success))
        case .failed(let message), .off(let message): lines.append(.init(message, .problem))
        }
        return ScreenContent(
            title: checkedIn ? "签到成功" : "取号成功", lines: lines,
            buttons: [Button(id: "done", label: "完成", key: "1", role: .confirm)], navigation: MenuScreen.navigation())
    }
}
