// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0
//
// The window staff page (窗口叫号, served at /window): log in with the window's token, then call,
// recall, skip, hold, transfer and finish tickets. The desk is redrawn from
// GET /api/v1/windows/{id} after every action, on every event of /api/v1/events and every 10 s.

(function () {
    "use strict";

    const K = window.Kiosk;
    const SESSION_KEY = "kioskd.window-session";
    const REFRESH_MS = 10000;

    const $ = function (id) {
        return document.getElementById(id);
    };
    const banner = $("message");

    /** {window: string, token: string} of the logged-in window, or null. */
    let session = readSession();
    /** The last WindowDetail shown. */
    let detail = null;
    /** Whether an action is under way (buttons are disabled meanwhile). */
    let busy = false;
    /** Whether the banner shows an error of a background refresh, which a good refresh clears. */
    let bannerFromRefresh = false;
    let refreshTimer = null;
    let refreshing = false;
    let refreshAgain = false;

    // ---- Session ----

    function readSession() {
        try {
            const raw = window.sessionStorage.getItem(SESSION_KEY);
            const value = raw ? JSON.parse(raw) : null;
            return value && typeof value.window === "string" && typeof value.token === "string" ? value : null;
        } catch (error) {
            return null;
        }
    }

    function saveSession(value) {
        try {
            if (value) {
                window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(value));
            } else {
                window.sessionStorage.removeItem(SESSION_KEY);
            }
        } catch (error) {
            // Storage may be unavailable (private mode); the login then lasts until reload.
        }
    }

    // ---- Messages ----

    function showError(text) {
        bannerFromRefresh = false;
        K.showBanner(banner, text, "error");
    }

    function showInfo(text) {
        bannerFromRefresh = false;
        K.showBanner(banner, text, "info");
    }

    function clearMessage() {
        bannerFromRefresh = false;
        K.showBanner(banner, null);
    }

    // ---- Login ----

    async function loadWindowList() {
        const select = $("window-select");
        try {
            const data = await K.get("/api/v1/windows");
            const windows = (data && data.windows) || [];
            const options = [K.el("option", { value: "", text: windows.length ? "请选择窗口" : "没有配置窗口" })];
            windows.forEach(function (item) {
                options.push(K.el("option", { value: item.id, text: item.name }));
            });
            select.replaceChildren.apply(select, options);
            if (session) {
                select.value = session.window;
            } else if (windows.length === 1) {
                select.value = windows[0].id;
            }
        } catch (error) {
            select.replaceChildren(K.el("option", { value: "", text: "无法读取窗口列表" }));
            showError(error.message);
        }
    }

    async function loadHallName() {
        try {
            const status = await K.get("/api/v1/status");
            if (status) K.setTimeZone(status.time_zone);
            if (status && status.hall) {
                $("hall-name").textContent = status.hall;
            }
        } catch (error) {
            // The hall name is decoration; the desk reports real errors.
        }
    }

    function showLogin() {
        $("login-panel").hidden = false;
        $("desk").hidden = true;
        $("logout-button").hidden = true;
        $("window-title").textContent = "";
        document.title = "窗口叫号";
        detail = null;
    }

    function showDesk() {
        $("login-panel").hidden = true;
        $("desk").hidden = false;
        $("logout-button").hidden = false;
    }

    async function login(event) {
        event.preventDefault();
        const id = $("window-select").value;
        const token = $("token-input").value.trim();
        if (!id) {
            showError("请选择窗口");
            return;
        }
        if (!token) {
            showError("请输入窗口令牌");
            return;
        }
        $("login-button").disabled = true;
        try {
            const data = await K.get(windowPath(id, ""), token);
            session = { window: id, token: token };
            saveSession(session);
            $("token-input").value = "";
            clearMessage();
            showDesk();
            render(data);
        } catch (error) {
            showError(error.message);
        } finally {
            $("login-button").disabled = false;
        }
    }

    function logout(message) {
        closeTransfer();
        session = null;
        saveSession(null);
        showLogin();
        if (message) {
            showError(message);
        } else {
            clearMessage();
        }
    }

    // ---- Loading the desk ----

    function windowPath(id, action) {
        return "/api/v1/windows/" + encodeURIComponent(id) + (action ? "/" + action : "");
    }

    function isLoginError(error) {
        return error && (error.status === 401 || error.status === 403 || error.code === "unknown_window");
    }

    async function refresh() {
        if (!session) return;
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        const current = session;
        try {
            const data = await K.get(windowPath(current.window, ""), current.token);
            if (session === current) {
                render(data);
                if (bannerFromRefresh) clearMessage();
            }
        } catch (error) {
            if (session !== current) return;
            if (isLoginError(error)) {
                logout(error.message);
            } else {
                K.showBanner(banner, error.message, "error");
                bannerFromRefresh = true;
            }
        } finally {
            refreshing = false;
            if (refreshAgain) {
                refreshAgain = false;
                refresh();
            }
        }
    }

    /** Refreshes soon, once for a burst of events. */
    function scheduleRefresh() {
        if (!session || refreshTimer) return;
        refreshTimer = setTimeout(function () {
            refreshTimer = null;
            refresh();
        }, 250);
    }

    // ---- Rendering ----

    function render(data) {
        if (!data || !data.window) return;
        detail = data;
        const win = data.window;
        $("window-title").textContent = "· " + win.name;
        document.title = win.name + " · 窗口叫号";

        renderCurrent(data);

        $("waiting-count").textContent = String(data.waiting);
        $("paused-tag").hidden = !win.paused;
        const pause = $("btn-pause");
        pause.textContent = win.paused ? "恢复" : "暂停";
        pause.dataset.action = win.paused ? "resume" : "pause";
        pause.classList.toggle("danger", !win.paused);
        pause.classList.toggle("primary", win.paused);

        renderOutcomes(data.outcomes || []);
        renderServed(data.businesses || []);
        renderList($("held-list"), $("held-empty"), data.held || [], "回呼", "btn-call-back", function (ticket) {
            return ticket.business_name + " · " + ticket.priority_label;
        });
        renderList($("skipped-list"), $("skipped-empty"), data.skipped || [], "重新排队", "btn-reactivate", function (ticket) {
            const at = ticket.closed_at ? " · " + K.formatTime(ticket.closed_at) + " 过号" : "";
            const where = ticket.window && ticket.window !== win.id && ticket.window_name ? " · " + ticket.window_name : "";
            return ticket.business_name + at + where;
        });
        setBusy(busy);
    }

    function renderCurrent(data) {
        const ticket = data.current;
        const number = $("current-number");
        const business = $("current-business");
        const priority = $("current-priority");
        const reason = $("current-reason");
        const extra = $("current-extra");
        if (!ticket) {
            number.textContent = "—";
            number.classList.add("none");
            business.textContent = "当前没有正在办理的号";
            priority.hidden = true;
            priority.textContent = "";
            reason.textContent = "";
            extra.textContent = "";
            return;
        }
        number.textContent = ticket.number;
        number.classList.remove("none");
        business.textContent = ticket.business_name;
        priority.textContent = ticket.priority_label;
        priority.className = "priority-tag priority-" + ticket.priority;
        priority.hidden = false;
        reason.textContent = data.current_reason ? data.current_reason.explanation : "";

        const facts = [];
        if (ticket.last_called_at) facts.push(K.formatTime(ticket.last_called_at) + " 叫号");
        const waited = data.current_reason
            ? data.current_reason.waited_seconds
            : ticket.last_called_at
              ? (Date.parse(ticket.last_called_at) - Date.parse(ticket.taken_at)) / 1000
              : null;
        if (waited !== null && isFinite(waited)) facts.push("已等 " + K.formatDuration(waited));
        if (ticket.recall_count > 0) facts.push("已重呼 " + ticket.recall_count + " 次");
        if (ticket.issued_business !== ticket.business) {
            facts.push("由" + businessName(ticket.issued_business) + "转入");
        } else if (ticket.transfer_count > 0) {
            facts.push("转移 " + ticket.transfer_count + " 次");
        }
        extra.textContent = facts.join(" · ");
    }

    function businessName(code) {
        const known = detail && (detail.all_businesses || []).find(function (item) {
            return item.code === code;
        });
        return known ? known.name : code;
    }

    function renderOutcomes(outcomes) {
        const select = $("outcome-select");
        const codes = outcomes.join("\n");
        if (select.dataset.codes !== codes) {
            const previous = select.value;
            select.replaceChildren.apply(
                select,
                outcomes.map(function (code) {
                    return K.el("option", { value: code, text: K.outcomeLabel(code) });
                })
            );
            select.dataset.codes = codes;
            select.value = outcomes.indexOf(previous) >= 0 ? previous : outcomes[0] || "";
        }
    }

    function renderServed(businesses) {
        const box = $("served-businesses");
        box.replaceChildren.apply(
            box,
            businesses.map(function (business) {
                return K.el("span", { class: "chip", dataset: { code: business.code, alarm: business.alarm_level } }, [
                    K.el("span", { class: "alarm alarm-" + business.alarm_level, text: business.alarm_label }),
                    K.el("span", { text: business.name + " " + business.waiting + " 人" }),
                ]);
            })
        );
        if (!businesses.length) {
            box.replaceChildren(K.el("span", { class: "muted", text: "未分配业务" }));
        }
    }

    function renderList(list, empty, tickets, label, buttonClass, describe) {
        list.replaceChildren.apply(
            list,
            tickets.map(function (ticket) {
                return K.el("li", { dataset: { number: ticket.number } }, [
                    K.el("span", { class: "number", text: ticket.number }),
                    K.el("span", { class: "info", text: describe(ticket) }),
                    K.el("button", {
                        type: "button",
                        class: "btn small " + buttonClass,
                        dataset: { number: ticket.number },
                        text: label,
                    }),
                ]);
            })
        );
        empty.hidden = tickets.length > 0;
    }

    // ---- Actions ----

    function setBusy(value) {
        busy = value;
        document.querySelectorAll("#desk button, #desk select").forEach(function (control) {
            control.disabled = value;
        });
    }

    /**
     * Sends one window operation, shows its error if refused, then redraws the desk.
     * @returns {Promise<{ok: boolean, data: any}>}
     */
    async function act(method, action, body) {
        if (!session || busy) return { ok: false, data: null };
        const current = session;
        setBusy(true);
        let result = { ok: false, data: null };
        try {
            const data = await K.request(method, windowPath(current.window, action), {
                body: body,
                token: current.token,
            });
            clearMessage();
            result = { ok: true, data: data };
        } catch (error) {
            if (error.status === 401 || error.code === "forbidden") {
                setBusy(false);
                logout(error.message);
                return result;
            }
            showError(error.message);
        }
        setBusy(false);
        await refresh();
        return result;
    }

    async function callNext() {
        const result = await act("POST", "call-next");
        if (result.ok && result.data === null) {
            showInfo("当前无人等候");
        }
    }

    async function finish() {
        const select = $("outcome-select");
        const outcome = select.value;
        const result = await act("POST", "finish", outcome ? { outcome: outcome } : {});
        if (result.ok && select.options.length) {
            select.selectedIndex = 0; // back to the default outcome for the next citizen
        }
    }

    function togglePause() {
        const action = $("btn-pause").dataset.action === "resume" ? "resume" : "pause";
        return act("POST", action);
    }

    // ---- Transfer dialog ----

    function openTransfer() {
        if (!detail) return;
        if (!detail.current) {
            showError("当前没有正在办理的号，无法转移");
            return;
        }
        const dialog = $("transfer-dialog");
        $("transfer-number").textContent = detail.current.number;
        $("transfer-error").textContent = "";

        const businesses = $("transfer-business");
        businesses.replaceChildren.apply(
            businesses,
            [K.el("option", { value: "", text: "（不改变业务）" })].concat(
                (detail.all_businesses || []).map(function (item) {
                    return K.el("option", { value: item.code, text: item.name });
                })
            )
        );
        const windows = $("transfer-window");
        windows.replaceChildren.apply(
            windows,
            [K.el("option", { value: "", text: "（不指定窗口）" })].concat(
                (detail.all_windows || [])
                    .filter(function (item) {
                        return item.id !== detail.window.id;
                    })
                    .map(function (item) {
                        return K.el("option", { value: item.id, text: item.name });
                    })
            )
        );
        if (typeof dialog.showModal === "function") {
            if (!dialog.open) dialog.showModal();
        } else {
            dialog.setAttribute("open", "");
        }
        businesses.focus();
    }

    function closeTransfer() {
        const dialog = $("transfer-dialog");
        if (typeof dialog.close === "function") {
            if (dialog.open) dialog.close();
        } else {
            dialog.removeAttribute("open");
        }
    }

    async function confirmTransfer(event) {
        event.preventDefault();
        const business = $("transfer-business").value;
        const target = $("transfer-window").value;
        if (!business && !target) {
            $("transfer-error").textContent = "请选择转到的业务或窗口";
            return;
        }
        const body = {};
        if (business) body.business = business;
        if (target) body.window = target;
        $("transfer-confirm").disabled = true;
        const result = await act("POST", "transfer", body);
        $("transfer-confirm").disabled = false;
        if (result.ok) {
            closeTransfer();
        } else {
            $("transfer-error").textContent = banner.textContent;
        }
    }

    // ---- Wiring ----

    $("login-form").addEventListener("submit", login);
    $("logout-button").addEventListener("click", function () {
        logout(null);
    });
    banner.addEventListener("click", clearMessage);

    $("btn-call-next").addEventListener("click", callNext);
    $("btn-recall").addEventListener("click", function () {
        act("POST", "recall");
    });
    $("btn-skip").addEventListener("click", function () {
        act("POST", "skip");
    });
    $("btn-hold").addEventListener("click", function () {
        act("POST", "hold");
    });
    $("btn-finish").addEventListener("click", finish);
    $("btn-pause").addEventListener("click", togglePause);
    $("btn-transfer").addEventListener("click", openTransfer);
    $("transfer-form").addEventListener("submit", confirmTransfer);
    $("transfer-cancel").addEventListener("click", closeTransfer);

    $("held-list").addEventListener("click", function (event) {
        const button = event.target.closest("button.btn-call-back");
        if (button) act("POST", "call-back", { number: button.dataset.number });
    });
    $("skipped-list").addEventListener("click", function (event) {
        const button = event.target.closest("button.btn-reactivate");
        if (button) act("POST", "reactivate", { number: button.dataset.number });
    });

    K.subscribe(
        function () {
            scheduleRefresh();
        },
        function (online) {
            const indicator = $("connection");
            indicator.classList.toggle("online", online);
            indicator.classList.toggle("offline", !online);
            indicator.textContent = online ? "实时" : "已断开";
            if (online) scheduleRefresh(); // catch up after a reconnect
        }
    );
    setInterval(refresh, REFRESH_MS);
    document.addEventListener("visibilitychange", function () {
        if (!document.hidden) refresh();
    });

    loadHallName();
    loadWindowList();
    if (session) {
        showDesk();
        refresh();
    } else {
        showLogin();
    }
})();
