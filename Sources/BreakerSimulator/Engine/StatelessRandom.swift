/// Random numbers keyed by what they are for (request, attempt, purpose) instead of drawn from a stream.
///
/// The inventory service's latency and errors for "request 812, attempt 2" are then the same in an A and a B run
/// on one seed, however differently the two configs consume other random numbers: A/B differences come from
/// the config, not from reshuffled luck.
struct StatelessRandom {
    let seed: UInt64

    /// Two independent uniform draws for one attempt: its service time and its error roll.
    @inline(__always)
    func draws(request: Int64, attempt: Int) -> (latency: Double, error: UInt64) {
        let key = Self.mix(
            seed &+ UInt64(bitPattern: request) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(attempt) &* 0xD1B5_4A32_D192_ED03)
        return (Double(key >> 11) * 0x1p-53, Self.mix(key))
    }

    /// SplitMix64's finaliser: every input bit affects every output bit.
    @inline(__always)
    static func mix(_ input: UInt64) -> UInt64 {
        var mixed = input &+ 0x9E37_79B9_7F4A_7C15
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
