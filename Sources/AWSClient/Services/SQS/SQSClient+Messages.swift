extension SQSClient {
    /// A message attribute value (`String`, `Number` or `Binary` data types; binary is not needed by the labs).
    public struct MessageAttributeValue: Codable, Sendable, Equatable {
        public let DataType: String
        public let StringValue: String?

        public init(string: String) {
            DataType = "String"
            StringValue = string
        }

        public init(number: String) {
            DataType = "Number"
            StringValue = number
        }
    }

    public struct Message: Decodable, Sendable {
        public let MessageId: String
        public let ReceiptHandle: String
        public let Body: String
        public let Attributes: [String: String]?
        public let MessageAttributes: [String: MessageAttributeValue]?
    }

    /// Sends a message and returns its id.
    @discardableResult
    public func sendMessage(
        queueURL: String, body: String, delaySeconds: Int? = nil,
        attributes: [String: MessageAttributeValue] = [:]
    ) async throws -> String {
        struct Input: Encodable {
            let QueueUrl: String
            let MessageBody: String
            let DelaySeconds: Int?
            let MessageAttributes: [String: MessageAttributeValue]?
        }
        struct Output: Decodable { let MessageId: String }
        let input = Input(
            QueueUrl: queueURL, MessageBody: body, DelaySeconds: delaySeconds,
            MessageAttributes: attributes.isEmpty ? nil : attributes)
        return try await runtime.callJSON(Self.service, "SendMessage", input, as: Output.self).MessageId
    }

    /// Receives up to `maxMessages` (1–10), waiting up to `waitSeconds` (long polling).
    public func receiveMessages(
        queueURL: String, maxMessages: Int = 1, waitSeconds: Int? = nil, visibilityTimeout: Int? = nil
    ) async throws -> [Message] {
        struct Input: Encodable {
            let QueueUrl: String
            let MaxNumberOfMessages: Int
            let WaitTimeSeconds: Int?
            let VisibilityTimeout: Int?
            let MessageAttributeNames: [String]
            let MessageSystemAttributeNames: [String]
        }
        struct Output: Decodable { let Messages: [Message]? }
        let input = Input(
            QueueUrl: queueURL, MaxNumberOfMessages: maxMessages, WaitTimeSeconds: waitSeconds,
            VisibilityTimeout: visibilityTimeout, MessageAttributeNames: ["All"], MessageSystemAttributeNames: ["All"])
        return try await runtime.callJSON(Self.service, "ReceiveMessage", input, as: Output.self).Messages ?? []
    }

    public func deleteMessage(queueURL: String, receiptHandle: String) async throws {
        struct Input: Encodable {
            let QueueUrl: String
            let ReceiptHandle: String
        }
        _ = try await runtime.callJSON(
            Self.service, "DeleteMessage", Input(QueueUrl: queueURL, ReceiptHandle: receiptHandle), as: EmptyShape.self)
    }

    /// Makes a received message visible again after `visibilityTimeout` seconds; 0 hands it back at once, which is
    /// how a probe returns a message it received but does not own.
    public func changeMessageVisibility(queueURL: String, receiptHandle: String, visibilityTimeout: Int) async throws {
        struct Input: Encodable {
            let QueueUrl: String
            let ReceiptHandle: String
            let VisibilityTimeout: Int
        }
        let input = Input(QueueUrl: queueURL, ReceiptHandle: receiptHandle, VisibilityTimeout: visibilityTimeout)
        _ = try await runtime.callJSON(Self.service, "ChangeMessageVisibility", input, as: EmptyShape.self)
    }
}
