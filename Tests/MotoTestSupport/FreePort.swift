import LabSandbox

/// A free loopback TCP port for a test server: the sandbox's own `LoopbackPort`, under the name the suites use.
public enum FreePort {
    public static func make() throws -> Int {
        try LoopbackPort.makeFree()
    }
}
