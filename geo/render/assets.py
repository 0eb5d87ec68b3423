"""The JS/CSS assets our maps load, cached locally so a map can be written self-contained.

``frontline assets fetch`` downloads, for every asset URL the map's folium elements reference,
the npm package that ships it (tarball from the npm registry, integrity checked) into a user cache
directory (``platformdirs``; ``FRONTLINE_ASSET_CACHE`` overrides). :func:`inline_assets` then
replaces the map's ``<script src>``/``<link>`` references by inline copies from that cache, with
images referenced by CSS turned into data URIs, so the HTML opens with no network at all.
Nothing here is vendored in the repository.
"""

from __future__ import annotations

import base64
import hashlib
import io
import logging
import mimetypes
import re
import tarfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import folium
import platformdirs
import requests
from branca.element import Element, Figure

from geo.core import settings
from geo.core.errors import FrontlineError
from geo.core.io.files import atomic_folder

log = logging.getLogger(__name__)

NPM_REGISTRY = "https://registry.npmjs.org"
# CDN paths that are not "/npm/<package>@<version>/<path>": where the same files live on npm.
GITHUB_TO_NPM = {"ljagis/leaflet-measure": "leaflet-measure"}
CDNJS_TO_NPM = {
    "jquery": ("jquery", "dist/"),
    "moment.js": ("moment", "min/"),
    "leaflet.markercluster": ("leaflet.markercluster", "dist/"),
}


class AssetError(FrontlineError):
    """An asset is not in the cache, or could not be fetched from the npm registry."""


@dataclass(frozen=True)
class Asset:
    """One JS/CSS file a map references, and the npm package file that provides it."""

    url: str
    package: str
    version: str
    path: str

    @property
    def spec(self) -> str:
        return f"{self.package}@{self.version}"


def cache_dir() -> Path:
    """Where fetched packages live: ``$FRONTLINE_ASSET_CACHE`` or the user cache directory."""
    override = settings.get("FRONTLINE_ASSET_CACHE")
    return Path(override) if override else Path(platformdirs.user_cache_dir("frontline")) / "assets"


def asset_for_url(url: str) -> Asset:
    """Map a CDN URL folium uses to the npm package file with the same content."""
    m = re.match(r"https?://cdn\.jsdelivr\.net/npm/((?:@[^/]+/)?[^@/]+)@([^/]+)/(.+)$", url)
    if m:
        return Asset(url, m.group(1), m.group(2), m.group(3))
    m = re.match(r"https?://cdn\.jsdelivr\.net/gh/([^@]+)@v?([^/]+)/(.+)$", url)
    if m and m.group(1) in GITHUB_TO_NPM:
        return Asset(url, GITHUB_TO_NPM[m.group(1)], m.group(2), m.group(3))
    m = re.match(r"https?://cdnjs\.cloudflare\.com/ajax/libs/([^/]+)/([^/]+)/(.+)$", url)
    if m and m.group(1) in CDNJS_TO_NPM:
        package, folder = CDNJS_TO_NPM[m.group(1)]
        return Asset(url, package, m.group(2), folder + m.group(3))
    raise AssetError(f"no npm source known for {url}")


def _elements(root: Element) -> Iterator[Element]:
    yield root
    for child in list(root._children.values()):
        yield from _elements(child)


def map_assets(m: folium.Map) -> list[tuple[str, str, str]]:
    """(kind, name, url) of every JS and CSS asset the map's elements reference, in load order."""
    found: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for element in _elements(m):
        for kind, pairs in (
            ("js", getattr(element, "default_js", [])),
            ("css", getattr(element, "default_css", [])),
        ):
            for name, url in pairs:
                if url not in seen:
                    seen.add(url)
                    found.append((kind, name, url))
    return found


def default_assets() -> list[Asset]:
    """Every asset a frontline map can reference (built from a map with all our controls)."""
    import geopandas as gpd
    import shapely

    from geo.core.schema import EVENT_COLUMNS
    from geo.render.map import build_map

    row = {c: None for c in EVENT_COLUMNS} | {
        "event_id": "probe",
        "place_name": "Kyiv",
        "claimant": "probe",
    }
    events = gpd.GeoDataFrame([row], geometry=[shapely.Point(30.52, 50.45)], crs=4326)
    return [asset_for_url(url) for _, _, url in map_assets(build_map(events))]


def package_dir(package: str, version: str) -> Path:
    return cache_dir() / f"{package.replace('/', '__')}@{version}"


def _candidates(asset: Asset) -> list[str]:
    paths = [asset.path]
    for ext in (".js", ".css"):
        if asset.path.endswith(".min" + ext):
            paths.append(asset.path[: -len(".min" + ext)] + ext)  # jsDelivr minifies on the fly
    return paths


def local_file(asset: Asset) -> Path:
    """The cached file for an asset; AssetError telling to run ``frontline assets fetch`` if
    absent."""
    base = package_dir(asset.package, asset.version)
    for candidate in _candidates(asset):
        path = base / candidate
        if path.is_file():
            return path
    raise AssetError(
        f"{asset.spec}/{asset.path} is not in the asset cache {cache_dir()}; "
        "run `frontline assets fetch`"
    )


def fetch_package(
    package: str, version: str, *, session: requests.Session | None = None, timeout: float = 60
) -> Path:
    """Download ``package@version`` from the npm registry (integrity-checked) into the cache."""
    target = package_dir(package, version)
    if (target / "package.json").is_file():
        return target
    http = session or requests.Session()
    try:
        meta = http.get(f"{NPM_REGISTRY}/{package}/{version}", timeout=timeout)
        meta.raise_for_status()
        dist = meta.json()["dist"]
        tarball = http.get(dist["tarball"], timeout=timeout)
        tarball.raise_for_status()
    except (requests.RequestException, KeyError, ValueError) as exc:
        raise AssetError(f"cannot fetch {package}@{version} from the npm registry: {exc}") from exc
    integrity = dist.get("integrity", "")
    if integrity.startswith("sha512-"):
        digest = base64.b64encode(hashlib.sha512(tarball.content).digest()).decode()
        if digest != integrity[len("sha512-") :]:
            raise AssetError(f"{package}@{version}: tarball integrity check failed")
    # filled aside and swapped in whole: a kill, a full disk or a second fetch at the same time
    # never leaves a half-unpacked package that the next run would take for a cached one
    try:
        with atomic_folder(target) as tmp:
            _unpack(tarball.content, tmp)
    except (tarfile.TarError, zlib.error, EOFError) as exc:
        raise AssetError(f"{package}@{version}: unreadable tarball ({exc})") from exc
    except OSError as exc:  # a full or read-only cache folder
        raise AssetError(f"cannot write {target} ({exc.strerror or exc})") from exc
    log.info("fetched %s@%s into %s", package, version, target)
    return target


def _unpack(tarball: bytes, folder: Path) -> None:
    """The regular files of an npm tarball into ``folder``, without its leading ``package/``."""
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for member in archive.getmembers():
            if not member.isfile():
                continue
            parts = PurePosixPath(member.name).parts[1:]  # strip the leading "package/"
            if not parts or ".." in parts:
                continue
            dest = folder.joinpath(*parts)
            dest.parent.mkdir(parents=True, exist_ok=True)
            data = archive.extractfile(member)
            if data is not None:  # always, for a regular file
                dest.write_bytes(data.read())


def fetch_assets(assets: list[Asset] | None = None) -> list[tuple[Asset, Path]]:
    """Fill the cache with every asset's package; return (asset, cached file) pairs."""
    assets = default_assets() if assets is None else assets
    session = requests.Session()
    result = []
    for asset in assets:
        fetch_package(asset.package, asset.version, session=session)
        result.append((asset, local_file(asset)))
    return result


def _data_uri(path: Path) -> str:
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode()}"


def inline_css(path: Path) -> str:
    """CSS text with every relative ``url(...)`` replaced by a data URI of the cached file."""
    text = path.read_text(encoding="utf-8")

    def replace(match: re.Match[str]) -> str:
        ref = match.group(2).strip()
        if ref.startswith(("data:", "http:", "https:", "#", "//")):
            return match.group(0)
        target = (path.parent / ref.split("?")[0].split("#")[0]).resolve()
        if not target.is_file():
            log.warning("%s: url(%s) not found in the package; left as is", path.name, ref)
            return match.group(0)
        return f"url({match.group(1)}{_data_uri(target)}{match.group(1)})"

    return re.sub(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)", replace, text)


class InlineScript(Element):
    """A ``<script>`` holding a cached asset's code."""

    def __init__(self, code: str) -> None:
        super().__init__(template=None)
        self.code = re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE)
        self._template = folium.template.Template("<script>{{ this.code }}</script>")


class InlineStyle(Element):
    """A ``<style>`` holding a cached asset's CSS (images as data URIs)."""

    def __init__(self, css: str) -> None:
        super().__init__(template=None)
        self.css = css.replace("</style", "<\\/style")
        self._template = folium.template.Template("<style>{{ this.css }}</style>")


def inline_assets(m: folium.Map) -> folium.Map:
    """Make ``m`` self-contained: its JS/CSS references become inline copies from the cache.

    Raises :class:`AssetError` naming the missing file when the cache has not been filled.
    The map opens on its vector basemap: its tile layer stays listed in the layer control, off
    until the user picks it (:func:`geo.render.map.tiles_off`), so the page makes no request.
    """
    from geo.render.map import tiles_off

    tiles_off(m)
    found = map_assets(m)
    inline: list[tuple[str, Element]] = []
    for kind, name, url in found:
        path = local_file(asset_for_url(url))
        copy = (
            InlineScript(path.read_text(encoding="utf-8"))
            if kind == "js"
            else InlineStyle(inline_css(path))
        )
        inline.append((name, copy))
    for child in _elements(m):
        if hasattr(child, "default_js"):
            child.default_js = []
        if hasattr(child, "default_css"):
            child.default_css = []
    figure = m.get_root()
    assert isinstance(figure, Figure)
    for name, element in inline:
        figure.header.add_child(element, name=f"inline_{name}")
    return m
