"""Loopback stand-in for AWS endpoints, IMDS and the container credentials endpoint in the AWSClient tests.

Started by StubServer.swift as `python3 stub_server.py`; prints `PORT <n>` once listening on 127.0.0.1.
Control API (JSON):
  POST /__script  {"responses": [{"method": "PUT", "path": "/x", "status": 200, "headers": {}, "body": "...",
                                  "action": "respond" | "reset" | "hang", "repeat": false}]}
      Responses are matched in order by method (optional) and path (optional, exact or prefix ending in *);
      a matched response is consumed unless "repeat" is true.
  GET  /__requests  -> the requests received so far: [{"method", "path", "headers", "body"}]
Unmatched requests get 599 with a plain-text body.
"""
import json
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
script = []
received = []


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(self, status, headers, body):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _handle(self):
        body = self._body()
        if self.path == "/__script" and self.command == "POST":
            with lock:
                script.clear()
                received.clear()
                script.extend(json.loads(body)["responses"])
            return self._send(200, {}, "ok")
        if self.path == "/__requests":
            with lock:
                return self._send(200, {"Content-Type": "application/json"}, json.dumps(received))
        with lock:
            received.append({"method": self.command, "path": self.path,
                             "headers": {k.lower(): v for k, v in self.headers.items()},
                             "body": body.decode("utf-8", "replace")})
            chosen = None
            for index, response in enumerate(script):
                if response.get("method") and response["method"] != self.command:
                    continue
                pattern = response.get("path")
                if pattern:
                    path = self.path.split("?")[0]
                    if pattern.endswith("*"):
                        if not path.startswith(pattern[:-1]):
                            continue
                    elif pattern != path:
                        continue
                chosen = response
                if not response.get("repeat"):
                    script.pop(index)
                break
        if chosen is None:
            return self._send(599, {"Content-Type": "text/plain"}, "no scripted response")
        action = chosen.get("action", "respond")
        if action == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            self.connection.close()
            self.close_connection = True
            return
        if action == "hang":
            time.sleep(float(chosen.get("seconds", 5)))
            self.close_connection = True
            return
        self._send(int(chosen.get("status", 200)), chosen.get("headers", {}), chosen.get("body", ""))

    do_GET = do_POST = do_PUT = do_DELETE = _handle


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print("PORT %d" % server.server_address[1], flush=True)
server.serve_forever()
