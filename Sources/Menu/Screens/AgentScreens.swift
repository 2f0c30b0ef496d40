// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The agent's login, home and case list.
enum AgentScreens {
    static func pin(_ state: MenuState, typed: String) -> ScreenContent {
        MenuScreen.keypad(
            title: "代办员登录", lines: state.elderly ? [] : [.init("请输入代办员密码，输完点「确认」", .normal)], caption: "密码",
            value: String(repeating: "* ", count: typed.count))
    }

    static func home(_ state: MenuState) -> ScreenContent {
        var lines: [ScreenContent.Line] = [.init("代办员：\(state.agent?.agent.name ?? "")", .headline)]
        if let sync = state.sync { lines.append(.init(sync.message, .quiet)) }
        if !state.elderly { lines.append(.init("点「返回」或「退出登录」即退出，回到取号首页", .quiet)) }
        let pending = state.sync.map { "待上传 \($0.pendingCount) 件" } ?? "代办件列表"
        let buttons = [
            Button(id: "capture", label: "办理代办件", detail: state.elderly ? nil : "刷申请人身份证开始", role: .confirm),
            Button(id: "cases", label: pending, detail: state.elderly ? nil : "查看近 7 天的代办件"),
            Button(id: "logout", label: "退出登录", role: .danger),
        ]
        return ScreenContent(title: "代办服务", lines: lines, buttons: MenuScreen.numbered(buttons), navigation: MenuScreen.navigation())
    }

    static func cases(_ state: MenuState, page: Int) -> ScreenContent {
        let size = state.elderly ? 3 : 5
        let shown = MenuScreen.page(state.cases, page, size: size)
        var lines: [ScreenContent.Line] = []
        if let sync = state.sync { lines.append(.init(sync.message, .quiet)) }
        if state.cases.isEmpty { lines.append(.init("近 7 天没有代办件", .normal)) }
        for record in shown.items {
            lines.append(.init("\(record.receiptNumber)  \(record.applicant.name)  \(syncWords(record.sync))", .headline))
            lines.append(.init(record.matterName, .normal))
        }
        return ScreenContent(title: "代办件", lines: lines, navigation: MenuScreen.navigation(paging: (shown.page, shown.pages)))
    }

    /// A case's way to the central server, in words.
    static func syncWords(_ sync: ProxyCase.Sync) -> String {
        switch (sync.state, sync.serverStatus) {
        case ("rejected", _): "被退回：\(sync.rejectionReason ?? "请联系中心")"
        case (_, "completed"): "已办结"
        case (_, "in_progress"): "办理中"
        case (_, "returned"): "需补正"
        case (_, "rejected"): "不予受理"
        case ("acknowledged", _): "已上传"
        default: "待上传"
        }
    }
}
