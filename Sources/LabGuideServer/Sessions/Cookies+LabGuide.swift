import Foundation
import Hummingbird

/// The cookies LabGuide sets, with the attributes the architecture asks for (HttpOnly, SameSite=Lax).
enum LabGuideCookie {
    static let session = "lg_session"
    static let csrf = "lg_csrf"

    static func session(_ token: SessionToken, lifetime: Duration, isSecure: Bool) -> Cookie {
        Cookie(
            name: session, value: token.value, maxAge: Int(lifetime.components.seconds), path: "/",
            secure: isSecure, httpOnly: true, sameSite: .lax)
    }

    static func expiredSession(isSecure: Bool) -> Cookie {
        Cookie(name: session, value: "", maxAge: 0, path: "/", secure: isSecure, httpOnly: true, sameSite: .lax)
    }

    static func csrf(_ value: String, isSecure: Bool) -> Cookie {
        Cookie(
            name: csrf, value: value, maxAge: 365 * 24 * 3600, path: "/", secure: isSecure, httpOnly: true,
            sameSite: .lax)
    }
}
