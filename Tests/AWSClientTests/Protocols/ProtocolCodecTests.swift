import AWSClient
import Foundation
import Testing

@Suite("Protocol codecs and error shapes")
struct ProtocolCodecTests {
    @Test("query bodies encode lists as X.member.N and maps as X.entry.N.key/value")
    func queryEncoding() {
        var parameters = QueryParameters(action: "CreateTopic", version: "2010-03-31")
        parameters.add("Name", "orders topic/1")
        parameters.addList("AlarmNames", ["a", "b"])
        parameters.addMap("Attributes", ["FilterPolicy": #"{"kind":["order"]}"#, "DisplayName": "x"])
        parameters.add("Threshold", 1.5)
        parameters.add("Count", 2.0)
        let body = String(decoding: parameters.formBody, as: UTF8.self)
        #expect(
            body
                == "Action=CreateTopic&Version=2010-03-31&Name=orders%20topic%2F1&AlarmNames.member.1=a&AlarmNames.member.2=b"
                + "&Attributes.entry.1.key=DisplayName&Attributes.entry.1.value=x&Attributes.entry.2.key=FilterPolicy"
                + "&Attributes.entry.2.value=%7B%22kind%22%3A%5B%22order%22%5D%7D&Threshold=1.5&Count=2")
    }

    @Test("JSON 1.0 requests carry X-Amz-Target and the versioned content type")
    func jsonRequest() throws {
        struct Input: Encodable { let QueueName: String }
        let request = try AWSOperationRequest.makeJSON(
            operation: "GetQueueUrl", version: "1.0", targetPrefix: "AmazonSQS", input: Input(QueueName: "q"))
        #expect(request.headers["X-Amz-Target"] == "AmazonSQS.GetQueueUrl")
        #expect(request.headers["Content-Type"] == "application/x-amz-json-1.0")
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"QueueName":"q"}"#)
    }

    @Test("restJson1 requests put the resource in the path, encoded once")
    func restRequest() throws {
        let request = try AWSOperationRequest.makeREST(
            operation: "DescribeMesh", method: "GET",
            path: "/v20190125/meshes/\(AWSOperationRequest.pathSegment("my mesh"))")
        #expect(request.path == "/v20190125/meshes/my%20mesh")
        #expect(request.body.isEmpty)
    }

    @Test("the XML parser reads entities, CDATA, namespaces and attributes, and rejects garbage")
    func xmlParsing() throws {
        let xml = """
            <?xml version="1.0"?><a:Root xmlns:a="urn:x"><Item id="1">x &amp; y &#65;&#x42;</Item>\
            <Item><![CDATA[<raw> & text]]></Item><Empty/></a:Root>
            """
        let root = try XMLDocumentParser.parse(Array(xml.utf8))
        #expect(root.localName == "Root")
        #expect(root.children(named: "Item").map(\.text) == ["x & y AB", "<raw> & text"])
        #expect(root.child("Item")?.attributes["id"] == "1")
        #expect(root.child("Empty")?.text == "")
        #expect(throws: XMLDocumentParser.ParseError.self) { try XMLDocumentParser.parse(Array("<a><b></a>".utf8)) }
        #expect(throws: XMLDocumentParser.ParseError.self) { try XMLDocumentParser.parse(Array("not xml".utf8)) }
    }

    @Test("query ErrorResponse: code, message and request id")
    func queryError() {
        let body = """
            <ErrorResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type>\
            <Code>NotFound</Code><Message>Topic does not exist</Message></Error><RequestId>req-1</RequestId></ErrorResponse>
            """
        let error = ErrorResponseDecoder.decode(
            AWSHTTPResponse(statusCode: 404, body: Data(body.utf8)), wireProtocol: .query(version: "2010-03-31"),
            service: "SNS", operation: "GetTopicAttributes")
        #expect(error.kind == .service)
        #expect(error.code == "NotFound")
        #expect(error.message == "Topic does not exist")
        #expect(error.requestID == "req-1")
        #expect(error.statusCode == 404)
        #expect(
            error.description == "AWS SNS GetTopicAttributes failed: NotFound (HTTP 404): Topic does not exist [request id req-1]"
        )
    }

    @Test("query throttling is classified as throttling and retryable")
    func queryThrottling() {
        let body = "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>"
        let error = ErrorResponseDecoder.decode(
            AWSHTTPResponse(statusCode: 400, body: Data(body.utf8)), wireProtocol: .query(version: "x"), service: "STS",
            operation: "GetCallerIdentity")
        #expect(error.isThrottling && error.isRetryable)
    }

    @Test("JSON __type is cut at ':' and after '#'; x-amzn-query-error gives the legacy code")
    func jsonErrorType() {
        var headers = HTTPHeaders()
        headers.add(name: "x-amzn-query-error", value: "AWS.SimpleQueueService.NonExistentQueue;Sender")
        headers.add(name: "x-amzn-RequestId", value: "req-2")
        let body = #"{"__type":"com.amazonaws.sqs#QueueDoesNotExist:http://internal.amazon.com/","message":"gone"}"#
        let error = ErrorResponseDecoder.decode(
            AWSHTTPResponse(statusCode: 400, headers: headers, body: Data(body.utf8)),
            wireProtocol: .json(version: "1.0", targetPrefix: "AmazonSQS"), service: "SQS", operation: "GetQueueUrl")
        #expect(error.code == "QueueDoesNotExist")
        #expect(error.legacyCode == "AWS.SimpleQueueService.NonExistentQueue")
        #expect(error.message == "gone")
        #expect(error.requestID == "req-2")
    }

    @Test("restJson1 takes the code from X-Amzn-Errortype when present, else from the body's code")
    func restJSONErrorType() {
        var headers = HTTPHeaders()
        headers.add(name: "X-Amzn-Errortype", value: "NotFoundException:http://internal/")
        let fromHeader = ErrorResponseDecoder.decode(
            AWSHTTPResponse(statusCode: 404, headers: headers, body: Data(#"{"message":"no mesh"}"#.utf8)),
            wireProtocol: .restJSON, service: "App Mesh", operation: "DescribeMesh")
        #expect(fromHeader.code == "NotFoundException")
        #expect(fromHeader.message == "no mesh")
        let fromBody = ErrorResponseDecoder.decode(
            AWSHTTPResponse(statusCode: 429, body: Data(#"{"code":"TooManyRequestsException","Message":"slow"}"#.utf8)),
            wireProtocol: .restJSON, service: "Lambda", operation: "Invoke")
        #expect(fromBody.code == "TooManyRequestsException")
        #expect(fromBody.isThrottling)
    }

    @Test("an HTML page or garbage becomes an AWSError that quotes what came back")
    func garbageReply() {
        let html = "<html><body><h1>502 Bad Gateway</h1></body></html>"
        let error = ErrorResponseDecoder.decode(
            AWSHTTPResponse(statusCode: 502, body: Data(html.utf8)), wireProtocol: .json(version: "1.0", targetPrefix: "X"),
            service: "SQS", operation: "ListQueues")
        #expect(error.kind == .invalidResponse)
        #expect(error.isRetryable)
        #expect(error.description.contains("502 Bad Gateway"))
        let binary = ErrorResponseDecoder.decode(
            AWSHTTPResponse(statusCode: 400, body: Data([0xFF, 0x00, 0x41])), wireProtocol: .query(version: "x"),
            service: "SNS", operation: "Publish")
        #expect(binary.kind == .invalidResponse)
        #expect(!binary.isRetryable)
    }

    @Test("DynamoDB attribute values round-trip through their wire form")
    func dynamoDBValues() throws {
        let item: [String: DynamoDBAttributeValue] = [
            "s": .string("x"), "n": .number("1.5"), "b": .bool(false), "z": .null, "l": .list([.string("a")]),
            "m": .map(["k": .numberSet(["1", "2"])]), "ss": .stringSet(["a", "b"]),
        ]
        let data = try JSONCoding.encode(item)
        #expect(String(decoding: data, as: UTF8.self).contains(#""n":{"N":"1.5"}"#))
        #expect(try JSONCoding.decode([String: DynamoDBAttributeValue].self, from: data) == item)
    }
}
