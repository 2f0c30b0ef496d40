// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The home screen: the citizen's choices, the calls now, and the mode switch and agent login below.
enum HomeScreen {
    static func content(_ state: MenuState) -> ScreenContent {
        var lines: [ScreenContent.Line] = [
            .init(state.readerReady ? "请刷身份证或点按下方按钮" : "读卡器暂时不能用，请点按「取号」", state.readerReady ? .headline : .problem)
        ]
        if !state.printerReady {
            lines.append(.init(state.elderly ? "号票暂时打印不出，请记住号码" : "号票暂时打印不出来：取号后请记住号码，到服务台补打", .problem))
        }
        for call in state.calls.prefix(state.elderly ? 1 : 3) {
            lines.append(.init("\(call.number) 请到 \(call.windowName)", .normal))
        }
        var buttons = [
            Button(id: "take", label: "取号", detail: state.elderly ? nil : "选择业务，打印号票"),
            Button(id: "queue", label: "查看排队", detail: state.elderly ? nil : "各业务等候人数"),
        ]
        if state.bookings.contains(where: { $0.status != "cancelled" }) {
            buttons.append(Button(id: "booking", label: "预约签到", detail: state.elderly ? nil : "刷身份证或输入预约码"))
        }
        buttons.append(Button(id: "rate", label: "评价服务", detail: state.elderly ? nil : "为办完的业务打分"))
        return ScreenContent(
            title: "政务服务自助取号", lines: lines, buttons: MenuScreen.numbered(buttons),
            navigation: [
                Button(id: "mode", label: state.elderly ? "标准模式" : "大字模式", key: "8", role: .navigation),
                Button(id: "agent", label: "代办员登录", key: "0", role: .navigation),
            ])
    }
}
