// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0
//
// The hall display (大屏, served at /display): the latest call in huge characters, the last calls,
// and the waiting load of each business with its five-colour alarm. Data comes from
// GET /api/v1/status (at load and every 10 s) and the event stream /api/v1/events, which announces
// calls at once. Voice (speechSynthesis) is optional and never required.

(function () {
    "use strict";

    const K = window.Kiosk;
    const REFRESH_MS = 10000;
    const RECENT_SHOWN = 6;
    const RECENT_KEPT = 10;
    /** Calls older than this (replayed after a reconnect) are listed but not announced again. */
    const ANNOUNCE_MAX_AGE_MS = 60000;
    const VOICE_KEY = "kioskd.display-voice";
    const ALARM_LABELS = { blue: "蓝色", green: "绿色", yellow: "黄色", orange: "橙色", red: "红色" };
    const WEEKDAYS = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    const $ = function (id) {
        return document.getElementById(id);
    };
    const banner = $("message");

    /** Recent calls, newest first, as RecentCall objects. */
    let calls = [];
    /** The call shown in huge characters, or null. */
    let latestCall = null;
    /** Business code → name, and window id → name, from the last status. */
    let businessNames = {};
    let windowNames = {};
    /** Server time minus browser time, in ms, so the clock shows the hall's time. */
    let clockOffset = 0;
    /** Whether a status was shown: calls found in the first one are not announced. */
    let initialized = false;
    /** Calls announced recently: {key, time}, to announce each call once. */
    let announced = [];
    /** `seq` of the events handled lately. */
    let seenEvents = [];
    let refreshTimer = null;
    let loading = false;

    // ---- Status ----

    async function loadStatus() {
        if (loading) return;
        loading = true;
        try {
            const status = await K.get("/api/v1/status");
            K.setTimeZone(status.time_zone);
            tick();
            applyStatus(status);
            K.showBanner(banner, null);
        } catch (error) {
            K.showBanner(banner, error.message, "error");
        } finally {
            loading = false;
        }
    }

    function scheduleLoad(delay) {
        if (refreshTimer) return;
        refreshTimer = setTimeout(function () {
            refreshTimer = null;
            loadStatus();
        }, delay);
    }

    function applyStatus(status) {
        if (!status) return;
        const hall = status.hall || "政务服务中心";
        $("hall-name").textContent = hall;
        document.title = hall + " · 叫号大屏";
        const serverNow = Date.parse(status.now);
        if (!isNaN(serverNow)) clockOffset = serverNow - Date.now();

        businessNames = {};
        (status.businesses || []).forEach(function (business) {
            businessNames[business.code] = business.name;
        });
        windowNames = {};
        (status.windows || []).forEach(function (item) {
            windowNames[item.id] = item.name;
        });
        renderBusinesses(status.businesses || []);

        const recent = (status.recent_calls || []).slice(0, RECENT_KEPT);
        const newest = recent[0] || null;
        if (isStale(newest)) {
            // Fetched before a call the event stream already showed; the next load will have it.
            initialized = true;
            return;
        }
        const isNew = newest && !wasAnnounced(newest);
        calls = recent;
        renderCalls();
        if (newest) {
            // A call the event stream did not bring (e.g. it was down): announce it now.
            const fresh = initialized && isNew && isRecent(newest.at);
            showLatest(newest, fresh);
            if (fresh) speak(newest);
            remember(newest);
        } else {
            showIdle();
        }
        initialized = true;
    }

    /** Whether a status misses the call shown from an event a moment ago. */
    function isStale(newest) {
        if (!latestCall) return false;
        const shown = callTime(latestCall);
        if (Date.now() + clockOffset - shown > 15000) return false;
        return !newest || callTime(newest) + 1000 < shown;
    }

    // ---- Events ----

    function onEvent(event, kind) {
        if (typeof event.seq === "number") {
            // After a reconnect the stream replays events after Last-Event-ID; skip any seen twice.
            if (seenEvents.indexOf(event.seq) >= 0 && kind !== "day_started") return;
            seenEvents.push(event.seq);
            if (seenEvents.length > 200) seenEvents = seenEvents.slice(-200);
        }
        switch (kind) {
            case "ticket_called":
            case "ticket_recalled":
                onCall(event, kind === "ticket_recalled");
                scheduleLoad(1500);
                break;
            case "alarm_changed":
                updateAlarm(event);
                scheduleLoad(200);
                break;
            case "day_started":
                calls = [];
                announced = [];
                renderCalls();
                showIdle();
                scheduleLoad(200);
                break;
            default:
                scheduleLoad(1000);
        }
    }

    function onCall(event, recall) {
        if (!event.number) return;
        const detail = event.detail || {};
        const call = {
            number: event.number,
            business: event.business || "",
            business_name: businessNames[event.business] || "",
            window: event.window || "",
            window_name: detail.window_name || windowNames[event.window] || event.window || "",
            at: event.at,
            recall: recall,
        };
        calls.unshift(call);
        calls = calls.slice(0, RECENT_KEPT);
        renderCalls();
        const fresh = isRecent(call.at);
        showLatest(call, fresh);
        if (fresh) speak(call);
        remember(call);
    }

    function updateAlarm(event) {
        const detail = event.detail || {};
        if (!event.business || !detail.to) return;
        const card = Array.prototype.find.call($("business-list").children, function (node) {
            return node.dataset.code === event.business;
        });
        if (!card) return;
        card.dataset.alarm = detail.to;
        const badge = card.querySelector(".alarm");
        if (badge) {
            badge.className = "alarm alarm-" + detail.to;
            badge.textContent = ALARM_LABELS[detail.to] || detail.to;
        }
        if (detail.waiting !== undefined) {
            const waiting = card.querySelector(".waiting");
            if (waiting) waiting.textContent = detail.waiting;
        }
    }

    // ---- Announcing each call once ----

    function callKey(call) {
        return call.number + "|" + call.window + "|" + (call.recall ? "r" : "c");
    }

    function callTime(call) {
        const time = Date.parse(call.at);
        return isNaN(time) ? Date.now() + clockOffset : time;
    }

    /** Whether a call listed by the status was already announced (same number, window and kind, within 30 s). */
    function wasAnnounced(call) {
        const key = callKey(call);
        const time = callTime(call);
        return announced.some(function (entry) {
            return entry.key === key && Math.abs(entry.time - time) < 30000;
        });
    }

    function remember(call) {
        announced.push({ key: callKey(call), time: callTime(call) });
        if (announced.length > 50) announced = announced.slice(-50);
    }

    function isRecent(iso) {
        const time = Date.parse(iso);
        if (isNaN(time)) return true;
        return Date.now() + clockOffset - time < ANNOUNCE_MAX_AGE_MS;
    }

    // ---- Rendering ----

    function showLatest(call, flash) {
        latestCall = call;
        $("latest-number").textContent = call.number;
        $("latest-window").textContent = call.window_name;
        $("latest-call").hidden = false;
        $("latest-idle").hidden = true;
        const note = [];
        if (call.business_name) note.push(call.business_name);
        if (call.recall) note.push("重呼");
        $("latest-note").textContent = note.join(" · ");
        if (flash) {
            const panel = $("latest");
            panel.classList.remove("flash");
            void panel.offsetWidth; // restart the animation
            panel.classList.add("flash");
        }
    }

    function showIdle() {
        latestCall = null;
        $("latest-number").textContent = "";
        $("latest-window").textContent = "";
        $("latest-call").hidden = true;
        $("latest-idle").hidden = false;
        $("latest-note").textContent = "";
    }

    function renderCalls() {
        const list = $("recent-calls");
        list.replaceChildren.apply(
            list,
            calls.slice(0, RECENT_SHOWN).map(function (call) {
                const children = [
                    K.el("span", { class: "num", text: call.number }),
                    K.el("span", { class: "arrow", text: "→" }),
                    K.el("span", { class: "win", text: call.window_name }),
                ];
                if (call.recall) children.push(K.el("span", { class: "tag", text: "重呼" }));
                return K.el("li", { dataset: { number: call.number, window: call.window } }, children);
            })
        );
    }

    function renderBusinesses(businesses) {
        const list = $("business-list");
        list.replaceChildren.apply(
            list,
            businesses.map(function (business) {
                let eta;
                if (!business.taking_tickets) {
                    eta = "暂停取号";
                } else if (business.waiting > 0 && business.estimated_wait_seconds !== null) {
                    eta = K.formatWait(business.estimated_wait_seconds);
                } else if (business.open_windows === 0) {
                    eta = "暂无窗口";
                } else {
                    eta = "";
                }
                return K.el(
                    "div",
                    { class: "business-card", dataset: { code: business.code, alarm: business.alarm_level } },
                    [
                        K.el("div", { class: "row" }, [
                            K.el("span", { class: "name", text: business.name, title: business.name }),
                            K.el("span", {
                                class: "alarm alarm-" + business.alarm_level,
                                text: business.alarm_label,
                                title: business.alarm_label + "预警",
                            }),
                        ]),
                        K.el("div", { class: "row" }, [
                            K.el("span", { class: "waiting-line" }, [
                                "等候 ",
                                K.el("span", { class: "waiting", text: String(business.waiting) }),
                                " 人",
                            ]),
                            K.el("span", { class: "eta", text: eta }),
                        ]),
                    ]
                );
            })
        );
    }

    // ---- Clock ----

    function tick() {
        const now = K.clockParts(new Date(Date.now() + clockOffset));
        const pad = function (n) {
            return (n < 10 ? "0" : "") + n;
        };
        $("clock-time").textContent = pad(now.hours) + ":" + pad(now.minutes) + ":" + pad(now.seconds);
        $("clock-date").textContent = now.year + "年" + now.month + "月" + now.day + "日 " + WEEKDAYS[now.weekday];
    }

    // ---- Voice (optional) ----

    const voice = {
        supported: false,
        enabled: true,
    };

    try {
        voice.supported =
            typeof window.speechSynthesis === "object" &&
            window.speechSynthesis !== null &&
            typeof window.SpeechSynthesisUtterance === "function";
    } catch (error) {
        voice.supported = false;
    }
    try {
        voice.enabled = window.localStorage.getItem(VOICE_KEY) !== "off";
    } catch (error) {
        voice.enabled = true;
    }

    function chineseVoice() {
        try {
            const voices = window.speechSynthesis.getVoices() || [];
            return (
                voices.find(function (item) {
                    return /^zh[-_]CN/i.test(item.lang || "");
                }) ||
                voices.find(function (item) {
                    return /^zh/i.test(item.lang || "");
                }) ||
                null
            );
        } catch (error) {
            return null;
        }
    }

    function say(text) {
        if (!voice.supported || !voice.enabled) return;
        try {
            const utterance = new window.SpeechSynthesisUtterance(text);
            utterance.lang = "zh-CN";
            utterance.rate = 0.9;
            const chosen = chineseVoice();
            if (chosen) utterance.voice = chosen;
            utterance.onerror = function () {};
            window.speechSynthesis.speak(utterance);
        } catch (error) {
            // No voices, no audio device or no user gesture yet: the screen still shows the call.
        }
    }

    function speak(call) {
        if (!call.number || !call.window_name) return;
        say("请" + call.number + "号到" + call.window_name + "办理");
    }

    function renderVoiceToggle() {
        const button = $("voice-toggle");
        button.hidden = !voice.supported;
        button.textContent = "语音播报：" + (voice.enabled ? "开" : "关");
        button.setAttribute("aria-pressed", voice.enabled ? "true" : "false");
    }

    $("voice-toggle").addEventListener("click", function () {
        voice.enabled = !voice.enabled;
        try {
            window.localStorage.setItem(VOICE_KEY, voice.enabled ? "on" : "off");
        } catch (error) {
            // The choice then lasts until reload.
        }
        renderVoiceToggle();
        if (voice.enabled) say("语音播报已开启");
    });

    // ---- Start ----

    renderVoiceToggle();
    tick();
    setInterval(tick, 1000);
    loadStatus();
    setInterval(loadStatus, REFRESH_MS);
    K.subscribe(onEvent, function (online) {
        const indicator = $("connection");
        indicator.classList.toggle("online", online);
        indicator.classList.toggle("offline", !online);
        indicator.textContent = online ? "实时" : "已断开";
        if (online && initialized) scheduleLoad(200);
    });
})();
