"""Drive headless Chromium over the DevTools protocol (for ``make test-site``).

A small client on ``websocket-client`` (pinned): start Chromium with a fresh profile and no
network services, open pages, collect console errors, failed and external requests, evaluate
JavaScript and take screenshots. Nothing here needs the network; pages are served from a local
folder by ``serve``.

    with serve(site_dir) as base, Chromium() as browser:
        report = browser.open(base + "index.html")
"""

from __future__ import annotations

import base64
import functools
import http.server
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--disable-default-apps", "--mute-audio",
         "--remote-allow-origins=*", "--window-size=1280,900")


class BrowserMissing(RuntimeError):
    pass


def find_chromium() -> str:
    """The Chromium executable (``$CHROMIUM`` first); BrowserMissing says how to install it."""
    for name in (os.environ.get("CHROMIUM"), *CHROMIUM_NAMES):
        if name and shutil.which(name):
            return shutil.which(name)
    raise BrowserMissing("Chromium is not installed. On Debian: `apt-get install -y chromium` "
                         "(.ci/run does this), or set CHROMIUM to the browser's path.")


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (a free port) while the block runs; yields the base URL."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class PageReport:
    url: str
    status: int | None = None
    errors: list[str] = field(default_factory=list)  # console errors, exceptions, failed loads
    external: list[str] = field(default_factory=list)  # requests leaving the local server
    images: list[dict] = field(default_factory=list)  # {"src", "ok"}
    links: list[str] = field(default_factory=list)  # absolute hrefs
    ids: set[str] = field(default_factory=set)  # element ids and anchor names (link targets)


class Chromium:
    """One headless Chromium with one tab, driven over the DevTools protocol."""

    def __init__(self, timeout: float = 30.0):
        self.timeout = timeout
        self.proc = None
        self.ws = None
        self._id = 0
        self.events: list[dict] = []

    def __enter__(self) -> Chromium:
        import websocket

        self.profile = tempfile.mkdtemp(prefix="salary-factors-chromium-")
        self.proc = subprocess.Popen(
            [find_chromium(), *FLAGS, f"--user-data-dir={self.profile}",
             "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while not (port_file.is_file() and port_file.read_text().strip()):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.__exit__(None, None, None)
                raise RuntimeError("Chromium did not start (no DevToolsActivePort)")
            time.sleep(0.05)
        port = port_file.read_text().split()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as r:
            targets = json.load(r)
        page = next(t for t in targets if t["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=self.timeout,
                                              suppress_origin=True)
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        return self

    def __exit__(self, *exc) -> None:
        if self.ws is not None:
            self.ws.close()
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        shutil.rmtree(self.profile, ignore_errors=True)

    # --- the protocol ---------------------------------------------------------------------

    def call(self, method: str, **params) -> dict:
        self._id += 1
        self.ws.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self._id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    def wait_for(self, method: str) -> dict:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            for i, ev in enumerate(self.events):
                if ev.get("method") == method:
                    return self.events.pop(i)
            self.events.append(json.loads(self.ws.recv()))
        raise TimeoutError(f"no {method} within {self.timeout} s")

    def evaluate(self, expression: str):
        res = self.call("Runtime.evaluate", expression=expression, returnByValue=True,
                        awaitPromise=True)
        if "exceptionDetails" in res:
            raise RuntimeError(f"{expression[:60]}...: {res['exceptionDetails']}")
        return res["result"].get("value")

    # --- pages --------------------------------------------------------------------------------

    def open(self, url: str, local_prefix: str) -> PageReport:
        """Load ``url``, wait for the load event and for images; report what went wrong."""
        self.events.clear()
        self.call("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")
        self.evaluate("Promise.all(Array.from(document.images).map(i => i.decode().catch(() => 0)))")
        self.call("Runtime.evaluate", expression="0")  # flush pending events
        report = PageReport(url)
        requested = {}
        for ev in self.events:
            method, p = ev.get("method"), ev.get("params", {})
            if method == "Runtime.exceptionThrown":
                d = p["exceptionDetails"]
                text = d.get("exception", {}).get("description") or d["text"]
                report.errors.append(f"exception: {text}")
            elif method == "Runtime.consoleAPICalled" and p["type"] in ("error", "assert"):
                report.errors.append("console.error: " + " ".join(
                    str(a.get("value", a.get("description", ""))) for a in p["args"]))
            elif method == "Log.entryAdded" and p["entry"]["level"] == "error":
                report.errors.append(f"log: {p['entry']['text']} {p['entry'].get('url', '')}".strip())
            elif method == "Network.requestWillBeSent":
                req = p["request"]["url"]
                requested[p["requestId"]] = req
                if not req.startswith((local_prefix, "data:", "about:")):
                    report.external.append(req)
            elif method == "Network.responseReceived":
                status = p["response"]["status"]
                if p["type"] == "Document":
                    report.status = status
                if status >= 400:
                    report.errors.append(f"HTTP {status}: {p['response']['url']}")
            elif method == "Network.loadingFailed" and not p.get("canceled"):
                report.errors.append(f"failed to load ({p.get('errorText')}): "
                                     f"{requested.get(p['requestId'], p.get('type'))}")
        report.images = self.evaluate(
            "Array.from(document.images).map(i => ({src: i.currentSrc || i.src, "
            "ok: i.complete && i.naturalWidth > 0}))")
        report.links = self.evaluate("Array.from(document.querySelectorAll('a[href]'))"
                                     ".map(a => a.href)")
        report.ids = set(self.evaluate(
            "Array.from(document.querySelectorAll('[id], a[name]')).map(e => e.id || e.name)"))
        return report

    def screenshot(self, path: Path, width: int = 1280) -> Path:
        """A PNG of the whole current page."""
        height = int(self.evaluate("Math.ceil(document.documentElement.scrollHeight)"))
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=min(height, 8000),
                  deviceScaleFactor=1, mobile=False)
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
        self.call("Emulation.clearDeviceMetricsOverride")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path
