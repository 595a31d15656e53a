import Foundation
import Synchronization

/// Identifiers moto assigned afresh when the recording was replayed, mapped back to the ones learners first saw.
///
/// moto makes up namespace ids, security group ids and subscription ARNs at random, so a replay creates the same
/// resources under new ids. The proxy translates learners' requests from the ids they know to moto's current ones,
/// and moto's answers back: learners keep working with the ids already in their shell variables.
final class IdentifierAliases: Sendable {
    private struct AccountAliases {
        /// (id the learner knows, id moto uses now), in raw and form-encoded spellings, longest first.
        var pairs: [(stable: String, current: String)] = []
    }

    private let accounts = Mutex<[String: AccountAliases]>([:])

    /// Learns from a replayed call: where the recorded and replayed answers differ token by token, the recorded
    /// token is what the learner knows and the replayed one what moto uses now.
    func learn(account: String, recorded: Data, replayed: Data) {
        let old = Self.tokens(in: String(decoding: recorded, as: UTF8.self))
        let new = Self.tokens(in: String(decoding: replayed, as: UTF8.self))
        guard old.count == new.count else { return }
        let learned = zip(old, new).filter { $0 != $1 && Self.isIdentifier($0) && Self.isIdentifier($1) }
        guard !learned.isEmpty else { return }
        accounts.withLock { accounts in
            var aliases = accounts[account] ?? AccountAliases()
            for (stable, current) in learned where !aliases.pairs.contains(where: { $0.stable == stable }) {
                aliases.pairs.append((stable, current))
                let encodedStable = Self.formEncoded(stable)
                if encodedStable != stable { aliases.pairs.append((encodedStable, Self.formEncoded(current))) }
            }
            aliases.pairs.sort { $0.stable.count > $1.stable.count }
            accounts[account] = aliases
        }
    }

    /// The ids that changed for one account, for the page that tells the learner.
    func changedIdentifiers(account: String) -> [(stable: String, current: String)] {
        // Request ids change on every call and mean nothing to a learner: show ids and ARNs (they have - or :).
        accounts.withLock { $0[account]?.pairs ?? [] }.filter {
            !$0.stable.contains("%") && ($0.stable.contains("-") || $0.stable.contains(":"))
        }
    }

    func toCurrent(_ text: String, account: String) -> String {
        translate(text, account: account, forward: true)
    }

    func toStable(_ text: String, account: String) -> String {
        translate(text, account: account, forward: false)
    }

    func toCurrent(_ data: Data, account: String) -> Data { translate(data, account: account, forward: true) }
    func toStable(_ data: Data, account: String) -> Data { translate(data, account: account, forward: false) }

    private func translate(_ data: Data, account: String, forward: Bool) -> Data {
        guard hasAliases(account), let text = String(data: data, encoding: .utf8) else { return data }
        return Data(translate(text, account: account, forward: forward).utf8)
    }

    private func hasAliases(_ account: String) -> Bool {
        accounts.withLock { !($0[account]?.pairs.isEmpty ?? true) }
    }

    private func translate(_ text: String, account: String, forward: Bool) -> String {
        let pairs = accounts.withLock { $0[account]?.pairs ?? [] }
        var result = text
        for pair in pairs {
            let (from, to) = forward ? (pair.stable, pair.current) : (pair.current, pair.stable)
            if result.contains(from) { result = result.replacingOccurrences(of: from, with: to) }
        }
        return result
    }

    /// String values of a JSON answer or text nodes of an XML one, in document order.
    static func tokens(in text: String) -> [String] {
        let isXML = text.drop { $0.isWhitespace }.first == "<"
        let pattern = isXML ? #">([^<]+)<"# : #""((?:[^"\\]|\\.)*)""#
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// Ids and ARNs: one word of at least eight characters with a digit in it, and not a date.
    static func isIdentifier(_ token: String) -> Bool {
        token.count >= 8 && token.count <= 2048 && !token.contains(where: \.isWhitespace)
            && token.contains(where: \.isNumber) && token.range(of: #"^\d{4}-\d{2}-\d{2}"#, options: .regularExpression) == nil
            && !token.allSatisfy(\.isNumber)
    }

    /// How a form body or query string spells the token (AWS CLIs encode `:` and `/`).
    static func formEncoded(_ token: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return token.addingPercentEncoding(withAllowedCharacters: allowed) ?? token
    }
}
