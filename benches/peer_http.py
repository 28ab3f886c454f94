"""The peer in the HTTP load benchmark: the same screening served the way a
team would do it in Python, rapidfuzz token_sort_ratio of the query against
every listed name (process.extract, best 10 at or above 79), behind the
standard library's threading HTTP server. Usage: peer_http.py SDN.csv PORT"""
import csv
import json
import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from rapidfuzz import fuzz, process, utils


def main() -> None:
    sdn_path, port = sys.argv[1], int(sys.argv[2])
    with open(sdn_path, encoding="utf-8", errors="replace", newline="") as f:
        rows = [row for row in csv.reader(f) if len(row) > 1 and row[1]]
    names = [row[1] for row in rows]
    choices = [utils.default_process(name) for name in names]

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
            name = utils.default_process(query.get("name", [""])[0])
            found = process.extract(name, choices, scorer=fuzz.token_sort_ratio,
                                    processor=None, limit=10, score_cutoff=79)
            body = json.dumps({"matches": [
                {"id": rows[i][0], "name": names[i], "score": score / 100} for _, score, i in found
            ]}).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":
    main()
