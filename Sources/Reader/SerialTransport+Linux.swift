// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Glibc

extension SerialTransport {
    /// Opens the tty and applies raw mode and the settings; runs on the transport's queue.
    static func openConfigured(path: String, settings: SerialSettings) throws -> CInt {
        let descriptor = Glibc.open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ReaderError(.openFailed, "\(path): open: errno \(errno)")
        }
        do {
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                throw ReaderError(.openFailed, "\(path): in use by another process (errno \(errno))")
            }
            try configure(descriptor, path: path, settings: settings)
            return descriptor
        } catch {
            _ = Glibc.close(descriptor)
            throw error
        }
    }

    /// Raw mode through `cfmakeraw`, the speed and framing, no flow control, `VMIN = VTIME = 0`.
    static func configure(_ descriptor: CInt, path: String, settings: SerialSettings) throws {
        var options = termios()
        guard tcgetattr(descriptor, &options) == 0 else {
            throw ReaderError(.openFailed, "\(path): not a terminal (errno \(errno))")
        }
        cfmakeraw(&options)
        guard let speed = speed(settings.baudRate) else {
            throw ReaderError(.openFailed, "\(path): unsupported baud rate \(settings.baudRate)")
        }
        guard cfsetispeed(&options, speed) == 0, cfsetospeed(&options, speed) == 0 else {
            throw ReaderError(.openFailed, "\(path): cannot set \(settings.baudRate) baud (errno \(errno))")
        }
        options.c_cflag &= ~tcflag_t(CSIZE | PARENB | PARODD | CSTOPB)
        options.c_cflag &= ~tcflag_t(CRTSCTS)
        options.c_cflag |= tcflag_t(CLOCAL | CREAD)
        options.c_cflag |= tcflag_t(settings.dataBits == 7 ? CS7 : CS8)
        switch settings.parity {
        case .none: break
        case .even: options.c_cflag |= tcflag_t(PARENB)
        case .odd: options.c_cflag |= tcflag_t(PARENB | PARODD)
        }
        if settings.stopBits == 2 { options.c_cflag |= tcflag_t(CSTOPB) }
        withUnsafeMutableBytes(of: &options.c_cc) { controls in
            controls[Int(VMIN)] = 0
            controls[Int(VTIME)] = 0
        }
        guard tcsetattr(descriptor, TCSANOW, &options) == 0 else {
            throw ReaderError(.openFailed, "\(path): tcsetattr: errno \(errno)")
        }
        _ = tcflush(descriptor, TCIOFLUSH)
    }

    private static func speed(_ baudRate: Int) -> speed_t? {
        switch baudRate {
        case 9600: speed_t(B9600)
        case 19200: speed_t(B19200)
        case 38400: speed_t(B38400)
        case 57600: speed_t(B57600)
        case 115_200: speed_t(B115200)
        case 230_400: speed_t(B230400)
        default: nil
        }
    }
}
