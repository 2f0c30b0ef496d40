// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The built-in demo hall (示范区政务服务中心): what `kioskd run` uses without `--config`.
///
/// The text is compiled in rather than loaded from the bundle at run time, so an installed binary
/// without its resource bundle still has it; `Resources/demo-hall.toml` holds the same text for packagers
/// and readers, and a test keeps the two identical.
extension KioskConfiguration {
    /// Where ``demo`` says it came from.
    public static let demoSource = "built-in demo hall"

    /// The built-in demo hall: five businesses open around the clock, five windows, interleave 2:1.
    ///
    /// Its staff tokens are `demo-token-1` … `demo-token-5`, for trying the demo only.
    public static let demo: KioskConfiguration = {
        do {
            return try parse(demoTOML, source: demoSource)
        } catch {
            fatalError("the built-in demo hall is invalid: \(error)")
        }
    }()

    /// The demo hall's commented TOML, every key explained in Chinese and English (`kioskd config example`).
    ///
    /// Technicians copy it as the starting point of their own `/etc/kioskd/kioskd.toml`.
    public static let demoTOML = #"""
        # kioskd 配置文件示例 — example configuration for kioskd
        #
        # 这是内置的示范大厅：不带 --config 运行 kioskd 时使用的就是这份配置。
        # This is the built-in demo hall: `kioskd run` without --config uses exactly this file.
        # 复制后修改：kioskd config example > /etc/kioskd/kioskd.toml
        # Copy it and edit:  kioskd config example > /etc/kioskd/kioskd.toml
        # 检查：kioskd config check --config /etc/kioskd/kioskd.toml
        #
        # 键名拼错会报错，不会被悄悄忽略。 A misspelt key is an error, never silently ignored.
        # 以 # 开头的行是注释。 Lines starting with # are comments.

        [hall]
        # 大厅名称，打印在取号凭条和显示屏上（必填）。
        # The hall's name, printed on tickets and shown on displays (required).
        name = "示范区政务服务中心"
        # 时区：每天在当地零点换日（默认 Asia/Shanghai）。
        # Time zone; the service day rolls over at local midnight (default Asia/Shanghai).
        time_zone = "Asia/Shanghai"
        # 每晚零点清空排队并从 1 重新编号；24 小时自助厅设为 false（默认 true）。
        # Clear the queue and restart numbering at midnight; false for a 24-hour office (default true).
        nightly_reset = true
        # 凭条二维码的网址，{number} 会换成票号，如 A001（可选，不写则不打印二维码）。
        # URL printed as a QR code on the ticket; {number} becomes the ticket number (optional).
        # ticket_url = "http://hall.example/t/{number}"

        [server]
        # HTTP 服务监听地址 host:port；IPv6 写成 [::1]:8080（默认 127.0.0.1:8080，仅本机可访问）。
        # Where the HTTP server listens, host:port; IPv6 as [::1]:8080 (default 127.0.0.1:8080, this machine only).
        # 窗口终端和显示屏在其他电脑上时改为 0.0.0.0:8080。 Use 0.0.0.0:8080 when windows and displays are other machines.
        listen = "127.0.0.1:8080"

        [store]
        # SQLite 数据库文件；相对路径相对于工作目录（默认 var/kioskd.sqlite）。
        # The SQLite database file; a relative path is relative to the working directory (default var/kioskd.sqlite).
        path = "var/kioskd.sqlite"
        # 个人信息密钥文件：首次启动时自动生成（权限 0600）。请与数据库一起备份；丢失后已加密的个人信息无法读取。
        # The personal-data key file, created (mode 0600) on first start. Back it up with the database:
        # without it, the sealed personal data cannot be read. Default var/kioskd.key.
        data_key = "var/kioskd.key"

        [reader]
        # 身份证阅读器：auto = 自动（USB 阅读器（devices/ 中描述的）在总线上或之后插入就用它，否则用 udev 命名的
        # 串口阅读器 /dev/kioskd/reader-*，再否则用模拟器）、usb = 只用 USB 阅读器（等待插入）、emulator = 模拟器、
        # none = 不用阅读器，或设备路径如 /dev/ttyUSB0（默认 auto）。
        # The ID-card reader: auto (a USB reader described in devices/, on the bus or plugged in later, else a
        # udev-named serial reader under /dev/kioskd/, else the emulator), usb (USB readers only; waits for one),
        # emulator, none, or a device path such as /dev/ttyUSB0 (default auto).
        device = "auto"
        # 读卡时同时读取指纹信息（默认 false）、读取最新的追加住址（默认 false）。
        # Also read the fingerprint templates (default false), and the newest additional address (default false).
        # fingerprint = false
        # additional_address = false
        # 证件照片解码：厂商提供的 WLT 解码库（可选；配置了却无法加载时不会启动）。
        # A reader vendor's WLT photo library, to show the card photo to agents (optional; if set and not
        # loadable, the daemon does not start). Its function and third argument vary by vendor.
        # photo_decoder = "/opt/vendor/lib/libwlt2bmp.so"
        # photo_decoder_symbol = "unpack"
        # photo_decoder_argument = 1

        [printer]
        # 取号凭条打印机：auto = 自动（CUPS 有默认打印机就用它，否则用模拟打印机）、default = CUPS 默认打印机、
        # emulator = 模拟打印机（凭条存为文件）、none = 不打印，或 CUPS 队列名如 kioskd-receipt（见 kioskd printer setup）。
        # The ticket printer: auto (CUPS's default destination if cupsd has one, else the emulated printer),
        # default (CUPS's default destination), emulator (jobs kept as files), none, or a CUPS queue name such as
        # kioskd-receipt (see `kioskd printer setup`). Default auto.
        queue = "auto"
        # 打印机型号：auto = 按 devices/ 中描述的、已插入的打印机，否则 chinese-80；或 chinese-58、chinese-80、
        # raster-58、international-80，或 devices/ 中的文件名如 printer-0416-5011。
        # How to render: auto (the model a devices/ file describes, if one is plugged in, else chinese-80), a preset
        # (chinese-58, chinese-80, raster-58, international-80) or a device file's name such as printer-0416-5011.
        model = "auto"
        # 一张凭条最多打印多少秒，超过算打印失败（号码仍然有效，窗口可补打）（默认 60）。
        # Seconds a job may take before it counts as failed; the ticket stays issued and a window can reprint it.
        job_timeout_seconds = 60

        [cases]
        # 代办件：村代办员为群众代办的事项（事项目录、容缺受理、回执）。
        # Proxy cases (代办件) that village agents capture for residents (catalogue, 容缺, receipts).
        # 中心确认收到后，本机保留申请人加密信息的天数，过后删除，只留脱敏姓名、证件号和回执号（默认 30）。
        # Days the kiosk keeps an acknowledged case's sealed personal data; then only masked forms and the receipt
        # number stay (default 30).
        retention_days = 30
        # 代办员无操作多少分钟后自动退出登录（默认 5）。
        # Minutes without a request after which an agent is logged out (default 5).
        agent_idle_minutes = 5
        # 本机编号，未向中心注册时印在回执编号中 R-<编号>-000123；注册后自动使用中心分配的编号（默认 unenrolled）。
        # This device's id in receipt numbers R-<id>-000123 until the kiosk is enrolled; then the enrolled id is used
        # (default unenrolled).
        device_id = "unenrolled"

        # 与中心同步：取消下面几行的注释并填写中心地址，再运行 kioskd enroll --code <注册码> 注册本机。
        # Syncing with the central server: uncomment, set the server, then run `kioskd enroll --code <code>`.
        # 没有 [sync] 时本机单机工作，代办件保存在本机。Without [sync] the kiosk works alone.
        # [sync]
        # 中心地址，必须是 https（仅本机回环地址可用 http）。The central server, https (http only on loopback).
        # server = "https://central.example.cn"
        # 注册后写入的本机身份文件（权限 0600）。The identity file enrolment writes (mode 0600).
        # identity = "var/device-identity.json"
        # 一切正常时两次同步的间隔秒数；新办件、新评价会立即触发同步（默认 60）。
        # Seconds between rounds when all is well; a new case or rating syncs at once (default 60).
        # interval_seconds = 60
        # 单个请求的超时秒数（默认 30）。Seconds a request may take (default 30).
        # request_timeout_seconds = 30

        [priority]
        # 老年人优先的起始年龄，按身份证出生日期计算（默认 60）。
        # Age from which a card holder is served as elderly, from the ID card's birth date (default 60).
        elderly_age = 60
        # 绿色通道类别：残疾人、军人等（默认 ["disabled", "military"]）。
        # Green-channel categories a ticket may claim (default ["disabled", "military"]).
        green_channel = ["disabled", "military"]
        # aged 叫号策略的权重：等候时间乘以该类别的权重（默认 normal 1, appointment 3, elderly 2, green_channel 3）。
        # Weights for the "aged" policy: waiting time is multiplied by the class's weight.
        aged_weights = { normal = 1, appointment = 3, elderly = 2, green_channel = 3 }

        [calling]
        # 叫号策略 / calling policy:
        #   strict     — 优先号总是先叫，普通号可能一直等 / priority first, normal tickets can starve
        #   aged       — 按等候时间乘权重排序 / waiting time multiplied by aged_weights
        #   interleave — 叫几个优先号后叫几个普通号，谁都不会一直等 / alternate, nobody starves (default)
        policy = "interleave"
        # interleave 策略下"优先:普通"的比例，2:1 即两个优先号后一个普通号（默认 2:1，仅 interleave 可用）。
        # priority:normal calls for "interleave"; 2:1 = two priority calls, then one normal (default 2:1).
        interleave = "2:1"
        # 每张票最多重呼次数，超过后只能过号（默认 3）。
        # How many times a ticket may be recalled before it must be skipped (default 3).
        max_recalls = 3
        # 过号后重新激活的票排在几位等候者之后（默认 3）。
        # How many waiting people a re-activated no-show goes behind (default 3).
        reactivate_places = 3
        # 办结结果代码，第一个为默认：办结、未办结、转办、其他。
        # Outcome codes a window may finish a ticket with; the first is the default.
        outcomes = ["done", "incomplete", "referred", "other"]

        [alarm]
        # 五色预警：四个递增的值，分别是绿、黄、橙、红色的起点；低于第一个值为蓝色。
        # Five-colour alarm: four ascending values where green, yellow, orange and red start; below the first is blue.
        # 等候人数 / number of people waiting for a business.
        waiting_count = [1, 10, 20, 40]
        # 最长等候分钟数；0 表示只要有人在等就至少是绿色。
        # Longest wait in minutes; 0 means any wait is at least green.
        longest_wait_minutes = [0, 15, 30, 60]

        [estimate]
        # 预计等候时间取最近多少次办理时长的平均值（默认 20）。
        # How many recent service times the waiting-time estimate averages (default 20).
        sample_size = 20
        # 混入多少个"典型办理时长"作为先验，开门时数据少也能估算（默认 3）。
        # How many pseudo-samples of typical_service_minutes are blended in, for a sane estimate at opening (default 3).
        prior_weight = 3

        # ---------------------------------------------------------------------------
        # 业务：每个 [[business]] 一项，按显示顺序排列。 Businesses, one [[business]] each, in display order.
        #   code     业务代码，小写字母、数字、-，唯一（必填） / [a-z0-9-]{1,32}, unique (required)
        #   name     显示给群众的名称（必填） / the name citizens see (required)
        #   prefix   票号字母，1–2 个大写字母，唯一（必填） / 1–2 uppercase letters, unique (required): A → A001
        #   width    票号数字位数 2–5（默认 3） / digits of the number, 2–5 (default 3)
        #   hours    可取号时段，如 "08:30-12:00,13:30-17:30"（默认全天） / when tickets may be taken (default all day)
        #   capacity 每日放号上限（可选，不超过位数能表示的最大值） / daily ticket limit (optional, ≤ 10^width − 1)
        #   typical_service_minutes 典型办理分钟数（默认 5） / typical minutes per ticket (default 5)
        # 示范大厅全天开放，技术人员任何时间都能试用。 The demo hall is open all day so it can be tried any time.
        # ---------------------------------------------------------------------------

        [[business]]
        code = "social-security"
        name = "社保业务"
        prefix = "A"
        width = 3
        hours = "00:00-24:00"
        capacity = 300
        typical_service_minutes = 6

        [[business]]
        code = "medical-insurance"
        name = "医保业务"
        prefix = "B"
        width = 3
        hours = "00:00-24:00"
        capacity = 300
        typical_service_minutes = 5

        [[business]]
        code = "real-estate"
        name = "不动产登记"
        prefix = "C"
        width = 3
        hours = "00:00-24:00"
        capacity = 150
        typical_service_minutes = 15

        [[business]]
        code = "household-registration"
        name = "户籍业务"
        prefix = "D"
        width = 3
        hours = "00:00-24:00"
        capacity = 200
        typical_service_minutes = 8

        [[business]]
        code = "consultation"
        name = "综合咨询"
        prefix = "E"
        width = 3
        hours = "00:00-24:00"
        typical_service_minutes = 3

        # ---------------------------------------------------------------------------
        # 窗口：每个 [[window]] 一个。 Service windows, one [[window]] each.
        #   id         窗口编号，字母、数字、-，唯一（必填） / [A-Za-z0-9-]{1,16}, unique (required)
        #   name       显示和语音播报的名称（必填） / the name shown and announced (required)
        #   businesses 办理的业务代码；综合窗口可写多个并加权重（必填）
        #              business codes served; a 综合窗口 lists several, optionally weighted (required):
        #              ["social-security", { business = "medical-insurance", weight = 2 }]
        #              权重越大越优先叫该业务（默认 1） / a higher weight calls that business sooner (default 1)
        #   token      窗口工作人员的口令，至少 8 个字符 / the window staff's token, at least 8 characters
        #   token_file 或者从文件读取口令（推荐，生产环境请用它） / or read it from a file (recommended in production)
        #              token 与 token_file 二选一 / set exactly one of token and token_file
        # 下面的 demo-token-N 只用于试用，正式使用前必须更换！
        # The demo-token-N tokens below are for trying the demo only: replace them before real use!
        # ---------------------------------------------------------------------------

        [[window]]
        id = "1"
        name = "1号窗口"
        businesses = ["social-security"]
        token = "demo-token-1"

        [[window]]
        id = "2"
        name = "2号窗口"
        businesses = ["medical-insurance"]
        token = "demo-token-2"

        [[window]]
        id = "3"
        name = "3号窗口"
        businesses = ["real-estate"]
        token = "demo-token-3"

        [[window]]
        id = "4"
        name = "4号窗口"
        businesses = ["household-registration"]
        token = "demo-token-4"
        # 生产环境写法 / in production:
        # token_file = "/etc/kioskd/tokens/4"

        [[window]]
        id = "5"
        name = "5号综合窗口"
        businesses = [
            { business = "consultation", weight = 2 },
            "social-security",
            "medical-insurance",
            "household-registration",
        ]
        token = "demo-token-5"

        """#
}
