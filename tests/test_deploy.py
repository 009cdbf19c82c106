"""deploy/nginx: the configuration passes `nginx -t` and, run on 127.0.0.1, serves built pages
precompressed with the security headers, the cache lifetimes and the 404 page (curl, as a reader's
browser asks)."""

from __future__ import annotations

import gzip
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest
from conftest import LOCAL_HOST, PROJECT

from campaign_kit.precompress import precompress
from campaign_kit.security import nginx_include, security_headers

NGINX = Path("/usr/sbin/nginx")
DEPLOY = PROJECT / "deploy" / "nginx"
BROTLI_MODULE = Path("/usr/share/nginx/modules/ngx_http_brotli_static_module.so")


def test_the_headers_file_is_written_from_the_one_policy() -> None:
    assert (DEPLOY / "campaign-security-headers.conf").read_text(encoding="utf-8") == nginx_include()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOCAL_HOST, 0))
        return probe.getsockname()[1]


def _nginx_conf(folder: Path, servers: str) -> Path:
    """A whole nginx.conf around `servers`, everything it writes kept in `folder`; the deploy files
    as the example says to install them (snippets/ beside the configuration)."""
    if not NGINX.exists():
        pytest.fail(f"{NGINX} is missing: system-packages.txt lists nginx")
    shutil.copytree(DEPLOY, folder / "snippets", dirs_exist_ok=True)
    shutil.copy("/etc/nginx/mime.types", folder / "mime.types")
    user = "user root;\n" if os.geteuid() == 0 else ""  # pytest's folders are private to their owner
    conf = folder / "nginx.conf"
    conf.write_text(
        f"load_module {BROTLI_MODULE};\n{user}daemon off;\nworker_processes 1;\n"
        f"pid {folder}/nginx.pid;\nerror_log {folder}/error.log;\nevents {{}}\n"
        f"http {{\n  include mime.types;\n  default_type application/octet-stream;\n  access_log off;\n"
        + "".join(
            f"  {kind}_temp_path {folder}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        + servers
        + "}\n",
        encoding="utf-8",
    )
    return conf


def _nginx_test(conf: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(NGINX), "-t", "-p", str(conf.parent), "-c", str(conf)], capture_output=True, text=True, check=False
    )


def test_the_example_server_passes_nginx_t(tmp_path: Path) -> None:
    """HTTPS with a certificate: a throwaway one stands for the domain's."""
    key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-keyout", str(tmp_path / "key.pem")]
    certificate = ["-x509", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-out", str(tmp_path / "cert.pem")]
    subprocess.run(["openssl", "req", *key, *certificate], capture_output=True, check=True)
    example = (DEPLOY / "example-server.conf").read_text(encoding="utf-8")
    example = example.replace("/etc/letsencrypt/live/giamngheo.example/fullchain.pem", str(tmp_path / "cert.pem"))
    example = example.replace("/etc/letsencrypt/live/giamngheo.example/privkey.pem", str(tmp_path / "key.pem"))
    example = example.replace("/srv/giam-ngheo/site", str(tmp_path / "site"))
    for port in ("80", "443"):  # not the machine's ports: nginx -t opens nothing, but keep it local
        example = example.replace(f"listen {port}", f"listen {LOCAL_HOST}:{_free_port()}")
        example = example.replace(f"listen [::]:{port}", f"listen {LOCAL_HOST}:{_free_port()}")
    result = _nginx_test(_nginx_conf(tmp_path, example))
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr and "test is successful" in result.stderr


@pytest.fixture(scope="module")
def served(kit_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """Part of the built site (a page, the 404 page, the stylesheet, the self-check module, a Pagefind
    fragment), precompressed as a production build leaves it, behind nginx on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("nginx")
    site = folder / "site"
    for part in ("index.html", "404.html", "assets/stylesheets/site.css", "assets/javascripts/self-check.mjs"):
        (site / part).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(kit_site / part, site / part)
    fragment = next((kit_site / "pagefind" / "fragment").iterdir())
    (site / "pagefind" / "fragment").mkdir(parents=True)
    shutil.copy(fragment, site / "pagefind" / "fragment" / fragment.name)
    precompress(site)
    port = _free_port()
    conf = _nginx_conf(
        folder,
        f"  server {{\n    listen {LOCAL_HOST}:{port};\n    root {site};\n    include snippets/campaign-site.conf;\n  }}\n",
    )
    result = _nginx_test(conf)
    assert result.returncode == 0, result.stderr
    server = subprocess.Popen([str(NGINX), "-p", str(folder), "-c", str(conf)], stderr=subprocess.PIPE)
    url = f"http://{LOCAL_HOST}:{port}"
    try:
        for _ in range(100):  # nginx listens within milliseconds; allow a loaded machine 5 s
            try:
                socket.create_connection((LOCAL_HOST, port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield url, site
    finally:
        server.terminate()
        server.wait(timeout=10)


def curl(url: str, encoding: str | None = None) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and the body as sent (not decompressed)."""
    command = ["curl", "-sS", "-D", "-", "-o", "/dev/stdout"]
    if encoding:
        command += ["-H", f"Accept-Encoding: {encoding}"]
    raw = subprocess.run([*command, url], capture_output=True, check=True).stdout
    head, _, body = raw.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}
    return int(status_line.split()[1]), headers, body


def _assert_security_headers(headers: dict[str, str]) -> None:
    for name, value in security_headers().items():
        assert headers.get(name.lower()) == value, name


@pytest.mark.parametrize(("encoding", "decode"), [("br", brotli.decompress), ("gzip", gzip.decompress), (None, bytes)])
def test_a_page_is_sent_precompressed_with_the_headers(served: tuple[str, Path], encoding: str | None, decode) -> None:
    url, site = served
    status, headers, body = curl(url + "/", encoding)
    assert status == 200
    assert headers.get("content-encoding") == encoding
    assert decode(body) == (site / "index.html").read_bytes()
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert headers["cache-control"] == "public, max-age=300"
    _assert_security_headers(headers)


def test_fingerprinted_files_are_kept_a_year_and_modules_are_javascript(served: tuple[str, Path]) -> None:
    url, site = served
    fragment = next((site / "pagefind" / "fragment").iterdir()).name
    status, headers, _body = curl(f"{url}/pagefind/fragment/{fragment}")
    assert status == 200 and headers["cache-control"] == "public, max-age=31536000, immutable"
    _assert_security_headers(headers)
    status, headers, _body = curl(url + "/assets/javascripts/self-check.mjs", "br")
    assert status == 200 and headers["content-type"].startswith("text/javascript")
    assert headers["content-encoding"] == "br" and headers["cache-control"] == "public, max-age=300"
    status, headers, _body = curl(url + "/assets/stylesheets/site.css", "gzip")
    assert headers["content-type"] == "text/css; charset=utf-8" and headers["content-encoding"] == "gzip"


def test_a_missing_page_gets_the_sites_404_page(served: tuple[str, Path]) -> None:
    url, site = served
    status, headers, body = curl(url + "/khong-co-trang-nay/")
    assert status == 404
    assert body == (site / "404.html").read_bytes()
    _assert_security_headers(headers)
