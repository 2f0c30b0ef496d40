// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0
//
// Helpers shared by the pages the daemon serves: JSON requests with the window token, errors
// turned into thrown Errors carrying the API's Chinese message, the event stream, formatting.
// Plain browser JavaScript, no libraries, nothing from the network but the daemon itself.

(function () {
    "use strict";

    /** Every kind the event stream sends (QueueEvent.kind). */
    const EVENT_KINDS = [
        "ticket_taken",
        "ticket_called",
        "ticket_recalled",
        "ticket_skipped",
        "ticket_reactivated",
        "ticket_transferred",
        "ticket_held",
        "ticket_finished",
        "ticket_rated",
        "ticket_expired",
        "window_paused",
        "window_resumed",
        "window_businesses_changed",
        "alarm_changed",
        "day_started",
    ];

    /** Labels of the usual outcome codes; any other code is shown as it is. */
    const OUTCOME_LABELS = {
        done: "办结",
        incomplete: "材料不全",
        referred: "转办",
        other: "其他",
    };

    /** A refused or failed request. `message` is the API's Chinese sentence. */
    class ApiError extends Error {
        constructor(message, status, code) {
            super(message);
            this.name = "ApiError";
            /** The HTTP status, or 0 when the daemon could not be reached. */
            this.status = status;
            /** The API's error code, e.g. `window_paused`. */
            this.code = code;
        }
    }

    /**
     * Sends one request to the daemon.
     * @param {string} method  HTTP method.
     * @param {string} path    Absolute path, e.g. `/api/v1/status`.
     * @param {{body?: object, token?: string}} [options]
     * @returns {Promise<any>} The parsed JSON body, or `null` for 204 and empty bodies.
     * @throws {ApiError} For network failures and every non-2xx response.
     */
    async function request(method, path, options) {
        const opts = options || {};
        const headers = { Accept: "application/json" };
        if (opts.token) {
            headers.Authorization = "Bearer " + opts.token;
        }
        let body;
        if (opts.body !== undefined) {
            headers["Content-Type"] = "application/json";
            body = JSON.stringify(opts.body);
        }
        let response;
        try {
            response = await fetch(path, { method: method, headers: headers, body: body, cache: "no-store" });
        } catch (error) {
            throw new ApiError("无法连接叫号服务，请检查网络或稍后再试", 0, "network_error");
        }
        if (response.status === 204) {
            return null;
        }
        let text = "";
        try {
            text = await response.text();
        } catch (error) {
            text = "";
        }
        let data = null;
        if (text) {
            try {
                data = JSON.parse(text);
            } catch (error) {
                data = null;
            }
        }
        if (!response.ok) {
            const detail = data && typeof data === "object" ? data.error : null;
            const message =
                detail && typeof detail.message === "string" && detail.message
                    ? detail.message
                    : "请求失败（HTTP " + response.status + "）";
            const code = detail && typeof detail.code === "string" ? detail.code : "http_" + response.status;
            throw new ApiError(message, response.status, code);
        }
        return data;
    }

    function get(path, token) {
        return request("GET", path, { token: token });
    }

    function post(path, body, token) {
        return request("POST", path, { body: body, token: token });
    }

    function put(path, body, token) {
        return request("PUT", path, { body: body, token: token });
    }

    /**
     * Listens to `/api/v1/events`. The browser reconnects by itself and sends `Last-Event-ID`;
     * if the stream is closed for good (e.g. the daemon restarted with an error), it is reopened.
     * @param {(event: object, kind: string) => void} onEvent  Called with the parsed QueueEvent.
     * @param {(online: boolean) => void} [onState]  Called when the connection opens or breaks.
     * @returns {() => void} Stops listening.
     */
    function subscribe(onEvent, onState) {
        if (typeof window.EventSource !== "function") {
            if (onState) onState(false);
            return function () {};
        }
        let source = null;
        let stopped = false;
        let retry = null;

        function handle(message) {
            let data = null;
            try {
                data = JSON.parse(message.data);
            } catch (error) {
                return;
            }
            if (!data || typeof data !== "object") return;
            try {
                onEvent(data, data.kind || message.type);
            } catch (error) {
                console.error("event handler failed", error);
            }
        }

        function open() {
            if (stopped) return;
            try {
                source = new EventSource("/api/v1/events");
            } catch (error) {
                if (onState) onState(false);
                retry = setTimeout(open, 5000);
                return;
            }
            source.onopen = function () {
                if (onState) onState(true);
            };
            source.onerror = function () {
                if (onState) onState(false);
                if (source && source.readyState === EventSource.CLOSED) {
                    source = null;
                    clearTimeout(retry);
                    retry = setTimeout(open, 5000);
                }
            };
            source.onmessage = handle; // events sent without an `event:` line
            EVENT_KINDS.forEach(function (kind) {
                source.addEventListener(kind, handle);
            });
        }

        open();
        return function () {
            stopped = true;
            clearTimeout(retry);
            if (source) source.close();
        };
    }

    /** "约 12 分钟" for a number of seconds; "" for null. */
    function formatWait(seconds) {
        if (seconds === null || seconds === undefined || !isFinite(seconds)) return "";
        if (seconds < 60) return "不到 1 分钟";
        const minutes = Math.round(seconds / 60);
        if (minutes < 60) return "约 " + minutes + " 分钟";
        const hours = Math.floor(minutes / 60);
        const rest = minutes % 60;
        return "约 " + hours + " 小时" + (rest ? " " + rest + " 分钟" : "");
    }

    /** "12 分钟" / "1 小时 5 分钟" for a waited duration. */
    function formatDuration(seconds) {
        if (seconds === null || seconds === undefined || !isFinite(seconds)) return "";
        const minutes = Math.floor(Math.max(0, seconds) / 60);
        if (minutes < 1) return "不到 1 分钟";
        if (minutes < 60) return minutes + " 分钟";
        return Math.floor(minutes / 60) + " 小时" + (minutes % 60 ? " " + (minutes % 60) + " 分钟" : "");
    }

    /** The hall's IANA time zone (from /api/v1/status); times are shown in it, not the browser's. */
    let hallTimeZone;

    function setTimeZone(zone) {
        try {
            new Intl.DateTimeFormat("zh-CN", { timeZone: zone });
            hallTimeZone = zone;
        } catch (error) {
            hallTimeZone = undefined;
        }
    }

    /** Year, month, day, weekday (0 = Sunday), hours, minutes, seconds of a Date in the hall's time zone. */
    function clockParts(date) {
        const parts = {};
        new Intl.DateTimeFormat("en-US", {
            timeZone: hallTimeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric",
            weekday: "short", hour: "numeric", minute: "numeric", second: "numeric",
        }).formatToParts(date).forEach(function (part) { parts[part.type] = part.value; });
        const weekdays = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
        return {
            year: Number(parts.year), month: Number(parts.month), day: Number(parts.day),
            weekday: weekdays[parts.weekday], hours: Number(parts.hour) % 24, minutes: Number(parts.minute),
            seconds: Number(parts.second),
        };
    }

    /** HH:MM of an ISO time in the hall's time zone. */
    function formatTime(iso) {
        const date = new Date(iso);
        if (isNaN(date.getTime())) return "";
        const parts = clockParts(date);
        return pad(parts.hours) + ":" + pad(parts.minutes);
    }

    function pad(number) {
        return (number < 10 ? "0" : "") + number;
    }

    /** The Chinese label of an outcome code, or the code itself. */
    function outcomeLabel(code) {
        return Object.prototype.hasOwnProperty.call(OUTCOME_LABELS, code) ? OUTCOME_LABELS[code] : code;
    }

    /**
     * Creates an element.
     * @param {string} tag
     * @param {object} [attributes] `class`, `text`, `dataset` or any attribute.
     * @param {Array<Node|string>} [children]
     */
    function el(tag, attributes, children) {
        const node = document.createElement(tag);
        const attrs = attributes || {};
        Object.keys(attrs).forEach(function (key) {
            const value = attrs[key];
            if (value === null || value === undefined || value === false) return;
            if (key === "text") {
                node.textContent = value;
            } else if (key === "class") {
                node.className = value;
            } else if (key === "dataset") {
                Object.keys(value).forEach(function (name) {
                    node.dataset[name] = value[name];
                });
            } else {
                node.setAttribute(key, value === true ? "" : value);
            }
        });
        (children || []).forEach(function (child) {
            node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
        });
        return node;
    }

    /**
     * Shows a message in a banner element, whose whole text it becomes; `null` hides it.
     * @param {HTMLElement} banner
     * @param {string|null} text
     * @param {"error"|"info"} [kind]
     */
    function showBanner(banner, text, kind) {
        if (!banner) return;
        const target = banner;
        if (!text) {
            banner.hidden = true;
            target.textContent = "";
            banner.removeAttribute("data-kind");
            return;
        }
        const type = kind || "error";
        target.textContent = text;
        banner.classList.remove("error", "info");
        banner.classList.add(type);
        banner.dataset.kind = type;
        banner.setAttribute("role", type === "error" ? "alert" : "status");
        banner.hidden = false;
    }

    window.Kiosk = Object.freeze({
        EVENT_KINDS: EVENT_KINDS,
        OUTCOME_LABELS: OUTCOME_LABELS,
        ApiError: ApiError,
        request: request,
        get: get,
        post: post,
        put: put,
        subscribe: subscribe,
        formatWait: formatWait,
        formatDuration: formatDuration,
        formatTime: formatTime,
        clockParts: clockParts,
        setTimeZone: setTimeZone,
        outcomeLabel: outcomeLabel,
        el: el,
        showBanner: showBanner,
    });
})();
