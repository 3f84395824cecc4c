"""Front-end development server: serves crates/web/assets from disk (no Rust rebuild after
an edit) with the same routes as orienta-web, and proxies the API to a running Orienta.

    target/release/orienta serve --bind 127.0.0.1:8080 &
    python3 tests/browser/dev_server.py --api http://127.0.0.1:8080 --port 8765
    ORIENTA_BASE_URL=http://127.0.0.1:8765 bash tests/browser/run.sh   # CSP/ETag checks fail here

Development only: the product serves the embedded copies (crates/web/src/assets.rs).
"""
import argparse
import pathlib
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

ASSETS = pathlib.Path(__file__).resolve().parents[2] / "crates" / "web" / "assets"
ROUTES = {"/": "index.html", "/print": "print.html", "/embed/example": "example.html", "/embed/widget.js": "widget.js"}
TYPES = {
    ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml", ".png": "image/png",
}


def handler(api):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send(self, status, body, content_type):
            self.send_response(status)
            self.send_header("Content-Type", content_type or "application/octet-stream")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            path = urlparse(self.path).path
            if path.startswith(("/v1/", "/hsds/")) or path in ("/readyz", "/healthz"):
                request = urllib.request.Request(api + self.path, headers={"Accept": self.headers.get("Accept", "*/*")})
                try:
                    with urllib.request.urlopen(request) as upstream:
                        return self.send(upstream.status, upstream.read(), upstream.headers.get("Content-Type"))
                except urllib.error.HTTPError as error:
                    return self.send(error.code, error.read(), error.headers.get("Content-Type"))
            name = ROUTES.get(path) or (path[len("/assets/"):] if path.startswith("/assets/") else None)
            file = (ASSETS / name).resolve() if name else None
            if not file or ASSETS not in file.parents or not file.is_file():
                return self.send(404, b'{"title":"not found"}', "application/problem+json")
            return self.send(200, file.read_bytes(), TYPES.get(file.suffix, "text/plain; charset=utf-8"))

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api", default="http://127.0.0.1:8080", help="a running Orienta server")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    print(f"serving {ASSETS} on http://127.0.0.1:{args.port}/ with the API of {args.api}")
    ThreadingHTTPServer(("127.0.0.1", args.port), handler(args.api.rstrip("/"))).serve_forever()


if __name__ == "__main__":
    main()
