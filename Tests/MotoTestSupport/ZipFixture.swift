public import Foundation

/// A tiny valid zip archive holding `index.py` with a Lambda handler, built in memory (stored, not deflated).
public enum ZipFixture {
    public static var handler: Data {
        makeArchive(name: "index.py", contents: Data("def handler(event, context):\n    return {'ok': True}\n".utf8))
    }

    public static func makeArchive(name: String, contents: Data) -> Data {
        let nameBytes = Data(name.utf8)
        let checksum = crc32(contents)
        var local = Data()
        local.append(le32(0x0403_4b50))
        local.append(le16(20))
        local.append(le16(0))
        local.append(le16(0))
        local.append(le16(0))
        local.append(le16(0x21))
        local.append(le32(checksum))
        local.append(le32(UInt32(contents.count)))
        local.append(le32(UInt32(contents.count)))
        local.append(le16(UInt16(nameBytes.count)))
        local.append(le16(0))
        local.append(nameBytes)
        local.append(contents)

        var central = Data()
        central.append(le32(0x0201_4b50))
        central.append(le16(20))
        central.append(le16(20))
        central.append(le16(0))
        central.append(le16(0))
        central.append(le16(0))
        central.append(le16(0x21))
        central.append(le32(checksum))
        central.append(le32(UInt32(contents.count)))
        central.append(le32(UInt32(contents.count)))
        central.append(le16(UInt16(nameBytes.count)))
        central.append(le16(0))
        central.append(le16(0))
        central.append(le16(0))
        central.append(le16(0))
        central.append(le32(0))
        central.append(le32(0))
        central.append(nameBytes)

        var end = Data()
        end.append(le32(0x0605_4b50))
        end.append(le16(0))
        end.append(le16(0))
        end.append(le16(1))
        end.append(le16(1))
        end.append(le32(UInt32(central.count)))
        end.append(le32(UInt32(local.count)))
        end.append(le16(0))
        return local + central + end
    }

    private static func le16(_ value: UInt16) -> Data { withUnsafeBytes(of: value.littleEndian) { Data($0) } }
    private static func le32(_ value: UInt32) -> Data { withUnsafeBytes(of: value.littleEndian) { Data($0) } }

    private static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}
