// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Rating the service (好差评): the number's letter, its digits, the five levels, thanks.
enum RatingScreens {
    static func prefixes(_ state: MenuState, page: Int) -> ScreenContent {
        var seen = Set<String>()
        let prefixes = state.businesses.filter { seen.insert($0.prefix).inserted }
        let shown = MenuScreen.page(prefixes, page, size: ScreenLayout.pageSize(elderly: state.elderly))
        let buttons = shown.items.map { business in
            Button(id: "prefix:\(business.prefix)", label: "\(business.prefix) 字头", detail: business.name)
        }
        return ScreenContent(
            title: "评价服务", lines: [.init("您的号码是哪个字母开头？", .normal)], buttons: MenuScreen.numbered(buttons),
            navigation: MenuScreen.navigation(paging: (shown.page, shown.pages)))
    }

    static func number(_ state: MenuState, prefix: String, typed: String) -> ScreenContent {
        MenuScreen.keypad(
            title: "评价服务", lines: state.elderly ? [] : [.init("请输入号票上的号码，输完点「确认」", .normal)], caption: "号码",
            value: prefix + typed)
    }

    static func levels(_ state: MenuState, number: String) -> ScreenContent {
        let buttons = MenuStateMachine.ratingLevels.map { level in
            Button(id: "level:\(level.level)", label: level.label, role: level.level >= 3 ? .choice : .danger)
        }
        return ScreenContent(
            title: "您对 \(number) 的服务满意吗？", lines: [], buttons: MenuScreen.numbered(buttons), navigation: MenuScreen.navigation())
    }

    static func thanks(_ state: MenuState, number: String) -> ScreenContent {
        ScreenContent(
            title: "感谢您的评价", lines: [.init("\(number) 的评价已收到", .success)],
            buttons: [Button(id: "done", label: "完成", key: "1", role: .confirm)], navigation: MenuScreen.navigation())
    }
}
