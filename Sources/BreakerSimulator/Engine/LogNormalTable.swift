import Foundation

/// Log-normal service-time multipliers, precomputed so a sample costs a table lookup instead of log, sqrt, cos
/// and exp: the simulator draws one per downstream call.
///
/// Built from the median and the 99th percentile: `sigma = ln(p99 / p50) / z(0.99)`. Entry `i` holds
/// `exp(sigma · z((i + 0.5) / n))`, so the extreme 1/(2n) of the tails is clipped.
struct LogNormalTable {
    private static let size = 4096
    /// `Float` keeps the table at 16 KB, inside the L1 cache; its precision is far below the model's.
    private let multipliers: [Float]

    init(medianToP99Ratio ratio: Double) {
        let sigma = ratio > 1 ? log(ratio) / 2.326_347_874 : 0
        multipliers = (0..<Self.size).map { index in
            Float(exp(sigma * Self.standardNormalQuantile((Double(index) + 0.5) / Double(Self.size))))
        }
    }

    /// The multiplier for a uniform value in [0, 1).
    @inline(__always)
    func multiplier(_ unit: Double) -> Double {
        Double(multipliers.withUnsafeBufferPointer { $0[Int(unit * Double(Self.size))] })
    }

    /// Acklam's rational approximation of the standard normal quantile (relative error below 1.2e-9).
    static func standardNormalQuantile(_ probability: Double) -> Double {
        let a = [
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00,
        ]
        let b = [
            -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01,
        ]
        let c = [
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00,
        ]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        if probability < low {
            let q = (-2 * log(probability)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if probability > 1 - low {
            return -standardNormalQuantile(1 - probability)
        }
        let q = probability - 0.5
        let r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}
