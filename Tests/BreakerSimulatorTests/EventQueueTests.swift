import Resilience
import Testing

@testable import BreakerSimulator

/// The engine's own queues against plain reference models: the calendar and the worker pool must give exactly
/// the order and start times a sorted list would, whatever their layout.
@Suite("Event queue and worker pool")
struct EventQueueTests {
    /// Schedules and pops like the engine (never in the past), with ties, bursts and events beyond the calendar.
    @Test("Events come out by time, then in scheduling order", arguments: [1_000.0, 500_000.0, 50_000_000.0])
    func eventsComeOutInOrder(typicalGap: Double) {
        var queue = EventQueue(typicalGapNanoseconds: typicalGap)
        var reference: [(time: Int64, order: Int)] = []
        var random = SeededRandomNumberGenerator(seed: 11)
        var now: Int64 = 0
        var scheduled = 0
        var popped: [Int] = []
        var expected: [Int] = []
        var earliestTimes: [Int64] = []
        var expectedEarliestTimes: [Int64] = []
        for step in 0..<3_000 {
            let burst = step % 97 == 0 ? 30 : Int(random.next() % 3)
            for _ in 0..<burst {
                let choice = random.next() % 10
                // Ties (same instant), near events, and far ones (hours out: beyond any calendar).
                let delay: Int64 =
                    choice == 0 ? 0 : choice < 9 ? Int64(random.next() % 5_000_000) : Int64(random.next() % 7_200_000_000_000)
                scheduled += 1
                queue.schedule(.attemptEnd, at: now + delay, slot: Int32(scheduled))
                reference.append((now + delay, scheduled))
            }
            if random.next() % 2 == 0, !reference.isEmpty {
                // The engine asks for the earliest time before taking the event, and may schedule in between.
                let index = reference.indices.min {
                    (reference[$0].time, reference[$0].order) < (reference[$1].time, reference[$1].order)
                }!
                earliestTimes.append(queue.earliestTime)
                expectedEarliestTimes.append(reference[index].time)
                let event = queue.next()
                expected.append(reference[index].order)
                popped.append(Int(event?.slot ?? -1))
                now = reference[index].time
                reference.remove(at: index)
            }
        }
        while let event = queue.next() { popped.append(Int(event.slot)) }
        expected += reference.sorted { ($0.time, $0.order) < ($1.time, $1.order) }.map(\.order)
        #expect(popped.count == expected.count)
        #expect(Self.firstMismatch(popped, expected) == nil)
        #expect(Self.firstMismatch(earliestTimes, expectedEarliestTimes) == nil)
        #expect(queue.isEmpty)
        #expect(queue.earliestTime == .max)
    }

    /// A call starts at once while a worker is free, else when the earliest busy worker finishes.
    @Test("Worker pool start times match a sorted list of finish times", arguments: [1, 3, 50])
    func workerPoolMatchesReference(concurrency: Int) {
        var pool = WorkerPool(concurrency: concurrency)
        var finishTimes: [Int64] = []
        var random = SeededRandomNumberGenerator(seed: UInt64(concurrency))
        var now: Int64 = 0
        var answers: [Int64] = []
        var expectedAnswers: [Int64] = []
        for step in 0..<8_000 {
            // Alternate calm and overloaded phases so the pool switches between its two layouts.
            let isOverloaded = (step / 1_000) % 2 == 1
            now += Int64(random.next() % (isOverloaded ? 200 : 20_000))
            let service = Int64(1 + random.next() % 10_000)
            finishTimes.removeAll { $0 <= now }
            let isFree = finishTimes.count < concurrency
            answers.append(pool.hasFreeWorker(at: now) ? 1 : 0)
            expectedAnswers.append(isFree ? 1 : 0)
            let expectedStart: Int64
            if isFree {
                expectedStart = now
            } else {
                let earliest = finishTimes.indices.min { finishTimes[$0] < finishTimes[$1] }!
                expectedStart = finishTimes.remove(at: earliest)
            }
            finishTimes.append(expectedStart + service)
            answers.append(pool.assign(at: now, service: service))
            expectedAnswers.append(expectedStart)
        }
        #expect(answers.count == expectedAnswers.count)
        #expect(Self.firstMismatch(answers, expectedAnswers) == nil)
    }

    /// The first position where two sequences differ (a short failure message instead of thousands of values).
    static func firstMismatch<Element: Equatable>(_ actual: [Element], _ expected: [Element]) -> Int? {
        zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
    }
}
