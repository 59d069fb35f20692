"""A local RFC 3161 time-stamping authority for tests: `openssl ts -reply` behind a tiny HTTP
server on 127.0.0.1, with a CA and a TSA certificate made by openssl in a temporary folder.
Never a real TSA."""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CONFIG = """
[ tsa ]
default_tsa = tsa_config1

[ tsa_config1 ]
dir = {dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.crt
certs = $dir/ca.crt
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


def _ssl(folder: Path, *args: str) -> None:
    subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True, timeout=60)


def make_tsa(folder: Path) -> Path:
    """CA, TSA key and certificate (extendedKeyUsage critical timeStamping); the config."""
    _ssl(folder, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key",
         "-out", "ca.crt", "-subj", "/CN=CoopShare Test TSA CA", "-days", "2")  # fmt: skip
    _ssl(folder, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "tsa.key", "-out", "tsa.csr",
         "-subj", "/CN=CoopShare Test TSA")  # fmt: skip
    (folder / "ext.cnf").write_text(
        "extendedKeyUsage = critical,timeStamping\nbasicConstraints = CA:FALSE\n"
    )
    _ssl(folder, "x509", "-req", "-in", "tsa.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
         "-CAcreateserial", "-out", "tsa.crt", "-days", "2", "-extfile", "ext.cnf")  # fmt: skip
    (folder / "serial").write_text("01\n")
    cfg = folder / "tsa.cnf"
    cfg.write_text(CONFIG.format(dir=folder))
    return cfg


@contextmanager
def local_tsa(folder: Path) -> Iterator[str]:
    """A running TSA on 127.0.0.1; yields its URL. Counts requests in `local_tsa.requests`."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed: no local TSA to test against")
    folder.mkdir(parents=True, exist_ok=True)
    cfg = make_tsa(folder)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            query = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            with lock:
                (folder / "q.tsq").write_bytes(query)
                done = subprocess.run(
                    [
                        "openssl",
                        "ts",
                        "-reply",
                        "-config",
                        str(cfg),
                        "-queryfile",
                        "q.tsq",
                        "-out",
                        "r.tsr",
                    ],
                    cwd=folder,
                    capture_output=True,
                    timeout=60,
                )
                reply = (folder / "r.tsr").read_bytes() if done.returncode == 0 else b""
            self.send_response(200 if reply else 500)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    finally:
        server.shutdown()
        server.server_close()
