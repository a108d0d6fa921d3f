#!/usr/bin/env python3
"""A stateless (2026-07-28) MCP server over streamable HTTP, for fetch --url's tests.

Usage: mcp_http_server.py PORT_FILE. Listens on 127.0.0.1 at a free port, writes the port to
PORT_FILE, and serves until killed. Paths choose the behaviour:
  /mcp        two pages of tools/list, the first as JSON, the second as an SSE stream that also
              carries a ping request and a notification before the result; every POST must carry
              Mcp-Method equal to the JSON-RPC method and Accept naming both media types (400
              otherwise), and requests must carry _meta's protocol version.
  /auth       as /mcp, but 401 unless "Authorization: Bearer t0ken" is sent
  /moved      302 to /mcp
  /huge       a tools/list page of about 3 MB
  /slow       never answers within the client's timeout (sleeps 5 s)
  /garbage    200 with a body that is not JSON-RPC
"""
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

VERSION = "2026-07-28"
PAGE1 = [
    {"name": "list_items", "description": "Lists the items", "inputSchema": {"type": "object"},
     "annotations": {"readOnlyHint": True}},
    {"name": "delete_item", "description": "Deletes an item for good",
     "inputSchema": {"type": "object", "properties": {"id": {"type": "string"}}}},
]
PAGE2 = [
    {"name": "run_job", "title": "Run a job", "description": "Starts a build job",
     "inputSchema": {"type": "object"}},
]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body=b"", content_type="application/json", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def error(self, status, rpc_id, message):
        body = json.dumps({"jsonrpc": "2.0", "id": rpc_id,
                           "error": {"code": -32600, "message": message}}).encode()
        self.reply(status, body)

    def do_DELETE(self):
        self.reply(405)

    def do_GET(self):
        self.reply(405)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        path = self.path.split("?")[0]
        if path == "/moved":
            self.reply(302, headers=[("Location", "/mcp")])
            return
        if path == "/slow":
            time.sleep(5)
            self.reply(202)
            return
        if path == "/garbage":
            self.reply(200, b"this is not JSON-RPC\n", "text/plain")
            return
        if path == "/auth" and self.headers.get("Authorization") != "Bearer t0ken":
            self.reply(401, b"", "text/plain", [("WWW-Authenticate", "Bearer")])
            return
        try:
            message = json.loads(raw)
        except ValueError:
            self.error(400, None, "parse error")
            return
        if "method" not in message:  # a response to our ping, or a notification's reply
            self.reply(202)
            return
        method = message["method"]
        rpc_id = message.get("id")
        if self.headers.get("Mcp-Method") != method:
            self.error(400, rpc_id, "Mcp-Method header missing or wrong")
            return
        accept = self.headers.get("Accept", "")
        if "application/json" not in accept or "text/event-stream" not in accept:
            self.error(406, rpc_id, "Accept must name application/json and text/event-stream")
            return
        meta = message.get("params", {}).get("_meta", {})
        if meta.get("io.modelcontextprotocol/protocolVersion") != VERSION:
            self.error(400, rpc_id, "unsupported protocol version")
            return
        if method == "server/discover":
            result = {"supportedVersions": [VERSION], "capabilities": {"tools": {}},
                      "serverInfo": {"name": "http-test-server", "version": "1.0"}}
            self.reply(200, json.dumps({"jsonrpc": "2.0", "id": rpc_id, "result": result}).encode())
            return
        if method != "tools/list":
            self.error(404, rpc_id, "method not found")
            return
        cursor = message.get("params", {}).get("cursor")
        if path == "/huge":
            tools = [{"name": "tool_%d" % i, "description": "x" * 3000,
                      "inputSchema": {"type": "object"}} for i in range(1000)]
            self.reply(200, json.dumps({"jsonrpc": "2.0", "id": rpc_id,
                                        "result": {"tools": tools}}).encode())
            return
        if cursor is None:
            result = {"tools": PAGE1, "nextCursor": "page2", "resultType": "complete"}
            self.reply(200, json.dumps({"jsonrpc": "2.0", "id": rpc_id, "result": result}).encode())
            return
        events = [
            {"jsonrpc": "2.0", "method": "notifications/message",
             "params": {"level": "info", "data": "listing page 2"}},
            {"jsonrpc": "2.0", "id": "srv-1", "method": "ping"},
            {"jsonrpc": "2.0", "id": rpc_id, "result": {"tools": PAGE2, "ttlMs": 60000}},
        ]
        body = ": a comment line\n" + "".join(
            "event: message\nid: %d\ndata: %s\n\n" % (i, json.dumps(e)) for i, e in enumerate(events))
        self.reply(200, body.encode(), "text/event-stream")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that gave up (the timeout cases) is expected


def main():
    server = QuietServer(("127.0.0.1", 0), Handler)
    with open(sys.argv[1] + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    import os
    os.rename(sys.argv[1] + ".tmp", sys.argv[1])
    server.serve_forever()


if __name__ == "__main__":
    main()
