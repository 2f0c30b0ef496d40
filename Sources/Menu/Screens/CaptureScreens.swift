// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Capturing a proxy case: the applicant's card, the matter, the checklist, the phone, confirm, the receipt.
enum CaptureScreens {
    static func card(_ state: MenuState) -> ScreenContent {
        ScreenContent(
            title: "办理代办件", lines: [.init("请申请人把身份证放到读卡器上", .headline)] + (state.elderly ? [] : [.init("读到身份证后自动进入下一步", .quiet)]),
            navigation: MenuScreen.navigation())
    }

    static func matters(_ state: MenuState, page: Int) -> ScreenContent {
        let shown = MenuScreen.page(state.matters, page, size: ScreenLayout.pageSize(elderly: state.elderly))
        var lines = applicant(state)
        lines.append(.init(state.matters.isEmpty ? "正在读取事项目录，请稍候" : "请选择办理的事项", .normal))
        let buttons = shown.items.map { Button(id: "matter:\($0.code)", label: $0.name, detail: $0.department) }
        return ScreenContent(
            title: "选择事项", lines: lines, buttons: MenuScreen.numbered(buttons),
            navigation: MenuScreen.navigation(paging: (shown.page, shown.pages)))
    }

    static func materials(_ state: MenuState, page: Int) -> ScreenContent {
        let capture = state.capture
        let materials = capture?.matter?.materials ?? []
        let shown = MenuScreen.page(materials, page, size: ScreenLayout.pageSize(elderly: state.elderly))
        let buttons = shown.items.map { material in
            let mark = capture?.marks[material.code]
            return Button(id: "material:\(material.code)", label: material.name, detail: words(of: mark, state: state), role: mark == nil ? .choice : .selected)
        }
        let lines: [ScreenContent.Line] = state.elderly ? [] : [.init("点按材料切换：已收、容缺、不适用", .normal)]
        return ScreenContent(
            title: "材料清单", lines: lines, buttons: MenuScreen.numbered(buttons),
            navigation: MenuScreen.navigation(
                paging: (shown.page, shown.pages), trailing: [Button(id: "confirm", label: "下一步", role: .confirm)]))
    }

    static func phone(_ state: MenuState, typed: String) -> ScreenContent {
        MenuScreen.keypad(
            title: "联系电话", lines: state.elderly ? [] : [.init("请输入申请人的手机号，座机请带区号", .normal)], caption: "电话", value: typed)
    }

    static func confirmation(_ state: MenuState) -> ScreenContent {
        guard let capture = state.capture, let matter = capture.matter else {
            return ScreenContent(title: "确认受理", lines: [.init("信息不全，请返回", .problem)], navigation: MenuScreen.navigation())
        }
        let marks = matter.materials.map { capture.marks[$0.code] }
        let lines: [ScreenContent.Line] = [
            .init("申请人：\(capture.applicant.name)", .normal),
            .init("事项：\(matter.name)", .normal),
            .init("材料：已收 \(marks.filter { $0 == .received }.count) 项，容缺 \(marks.filter { $0 == .promised }.count) 项，不适用 \(marks.filter { $0 == .notApplicable }.count) 项", .normal),
            .init("电话：\(capture.phone)", .normal),
        ]
        return ScreenContent(
            title: "确认受理", lines: lines,
            buttons: [Button(id: "confirm", label: "确认并打印回执", key: "1", role: .confirm)], navigation: MenuScreen.navigation())
    }

    static func receipt(_ state: MenuState, record: ProxyCase, print: Screen.PrintState) -> ScreenContent {
        var lines: [ScreenContent.Line] = [
            .init("回执号 \(record.receiptNumber)", .headline), .init("\(record.matterName)，承诺 \(record.promisedCompletion) 前办结", .normal),
        ]
        switch print {
        case .printing: lines.append(.init("正在打印回执，请交给申请人", .normal))
        case .printed: lines.append(.init("回执已打印，请交给申请人", .success))
        case .failed(let message), .off(let message): lines.append(.init(message, .problem))
        }
        return ScreenContent(
            title: "受理成功", lines: lines, buttons: [Button(id: "done", label: "完成", key: "1", role: .confirm)],
            navigation: MenuScreen.navigation())
    }

    private static func applicant(_ state: MenuState) -> [ScreenContent.Line] {
        state.capture.map { [.init("申请人：\($0.applicant.name)", .success)] } ?? []
    }

    /// A material's mark in words; a promised one says its due day.
    private static func words(of mark: CaseCapture.Mark?, state: MenuState) -> String {
        switch mark {
        case nil: "未标记，请点按"
        case .received: "已收"
        case .promised: "容缺，\(state.deferralDue.map { "\($0) 前" } ?? "7 天内")补交"
        case .notApplicable: "不适用"
        }
    }
}
