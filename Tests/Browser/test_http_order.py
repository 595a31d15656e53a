"""Pipelined requests get their responses in order, whichever part of the server answers each one.

Step pages that need only memory are answered on the event loop; everything else goes through Hummingbird's
routes on a Swift task. A client may send several requests before reading (HTTP/1.1 pipelining), and then a
quick page must not overtake a slower answer that was asked for first.
"""

import json
import socket
import urllib.request
from urllib.parse import urlparse

STEP = "/labs/cross-service/steps/create-topics"


def open_session(base_url: str) -> str:
    request = urllib.request.Request(
        f"{base_url}/api/v1/session", data=b'{"name":"Pipeline"}', headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        session = response.headers["Set-Cookie"].split(";")[0]
    with urllib.request.urlopen(urllib.request.Request(f"{base_url}{STEP}", headers={"Cookie": session})) as response:
        form_token = response.headers["Set-Cookie"].split(";")[0]
    return f"{session}; {form_token}"


def read_responses(sock: socket.socket, count: int) -> list[tuple[int, dict[str, str], bytes]]:
    buffer = b""
    responses = []
    while len(responses) < count:
        while b"\r\n\r\n" not in buffer:
            chunk = sock.recv(65536)
            assert chunk, f"connection closed after {len(responses)} responses"
            buffer += chunk
        head, buffer = buffer.split(b"\r\n\r\n", 1)
        lines = head.decode().split("\r\n")
        headers = {k.lower(): v for k, v in (line.split(": ", 1) for line in lines[1:])}
        length = int(headers.get("content-length", "0"))
        while len(buffer) < length:
            buffer += sock.recv(65536)
        responses.append((int(lines[0].split()[1]), headers, buffer[:length]))
        buffer = buffer[length:]
    return responses


def test_pipelined_requests_are_answered_in_order(base_url):
    cookies = open_session(base_url)
    address = urlparse(base_url)
    requests = [
        "/api/v1/labs/cross-service",  # a route: JSON
        STEP,  # from memory: HTML
        "/healthz",  # a route that reads SQLite: JSON
        STEP,
        STEP,
    ]
    with socket.create_connection((address.hostname, address.port), timeout=10) as sock:
        sock.sendall("".join(
            # Headers as a browser sends them, keep-alive included.
            f"GET {path} HTTP/1.1\r\nHost: {address.netloc}\r\nConnection: keep-alive\r\nCookie: {cookies}\r\n\r\n"
            for path in requests
        ).encode())
        responses = read_responses(sock, len(requests))

    kinds = [headers["content-type"].split(";")[0] for _, headers, _ in responses]
    assert kinds == ["application/json", "text/html", "application/json", "text/html", "text/html"]
    assert all(status == 200 for status, _, _ in responses)
    assert json.loads(responses[0][2])["id"] == "cross-service"
    assert json.loads(responses[2][2]) == {"status": "ok"}
    assert responses[1][2] == responses[3][2] == responses[4][2]
    assert b"Pipeline" in responses[1][2]
