import Foundation
import Testing

@testable import LabGuideServer

@Suite("Session tokens")
struct SessionTokenTests {
    @Test func hashIsLowercaseHexSHA256() {
        // FIPS 180-2 test vector for "abc".
        #expect(SessionToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func base64URLMatchesFoundationWithoutPadding() {
        for length in 0...40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 250) }
            let expected = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            #expect(bytes.base64URLEncodedString() == expected)
        }
    }

    @Test func tokensAre43URLSafeCharactersAndDiffer() {
        let tokens = (0..<100).map { _ in SessionToken.make().value }
        #expect(Set(tokens).count == 100)
        for token in tokens {
            #expect(token.utf8.count == 43)
            #expect(token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        }
    }
}
