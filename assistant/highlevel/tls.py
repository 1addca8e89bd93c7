"""One TLS context for every HighLevel client of the process.

httpx builds a verifying context per client by default, loading the whole CA bundle each time (about
40 ms of CPU); a fan-out opens two clients per location. The context is read-only once built and
verifies exactly as httpx's default does (certifi's bundle, ``SSL_CERT_FILE`` / ``SSL_CERT_DIR``).
"""

from __future__ import annotations

import ssl
import threading

import httpx

_LOCK = threading.Lock()
_SHARED: list[ssl.SSLContext] = []


def shared_tls() -> ssl.SSLContext:
    with _LOCK:  # location threads start together: build it once, not once per thread
        if not _SHARED:
            _SHARED.append(httpx.create_ssl_context())
        return _SHARED[0]
