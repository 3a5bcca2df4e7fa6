"""Image files through Pillow: what is accepted (JPEG, PNG, WebP within size limits), what
they say about themselves (IPTC and XMP caption, credit, by-line), and the sizes made of
them (EXIF orientation applied, metadata such as GPS left behind).

No database and no Qt: the story service stores what ``inspect`` returns, and the exports
and the editor's worker call ``rendition``.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from newsdesk.errors import UserError

# Pillow is imported where a picture is read or made, not with this module: the window
# imports it at start, and Pillow's import is a tenth of the start's own time.
if TYPE_CHECKING:
    from xml.etree import ElementTree

    from PIL import Image, ImageFile

MAX_BYTES = 40 * 1024 * 1024  # a camera's largest JPEG is well below this
# A decompression bomb: a small file that unpacks to gigabytes. 60 megapixels is more
# than any press camera makes (Pillow's own default warns at ~89).
MAX_PIXELS = 60_000_000
_GPS_IFD = 0x8825
CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
SUFFIXES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}

_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
_XMP_NAMES = {
    "caption": ("{http://purl.org/dc/elements/1.1/}description",),
    "credit": ("{http://ns.adobe.com/photoshop/1.0/}Credit",),
    "byline": ("{http://purl.org/dc/elements/1.1/}creator",),
}
# IPTC IIM (record 2): Caption-Abstract, Credit, By-line.
_IPTC_NAMES = {"caption": (2, 120), "credit": (2, 110), "byline": (2, 80)}


@dataclass(frozen=True)
class ImageFacts:
    """An accepted image: its content, kind, size as shown, and what its metadata says."""

    data: bytes
    sha256: str
    content_type: str
    width: int
    height: int
    caption: str = ""
    credit: str = ""
    byline: str = ""


def inspect(data: bytes, name: str) -> ImageFacts:
    """Accept ``data`` (a file called ``name``) as a picture, or raise ``UserError``
    saying why not: too big, not an image, an unsupported kind, broken, or a bomb."""
    if len(data) > MAX_BYTES:
        raise UserError(f"the image is {len(data) / 2**20:.1f} MB (at most "
                        f"{MAX_BYTES // 2**20} MB)", file=name)
    image = _opened(data, name)
    kind = CONTENT_TYPES.get(image.format or "")
    if kind is None:
        raise UserError(f"a {image.format or 'unknown'} image; pictures must be JPEG, PNG "
                        "or WebP", file=name)
    try:
        image.load()  # a truncated or corrupt file fails here, not at export time
    except (OSError, SyntaxError, ValueError) as exc:
        raise UserError(f"the image is damaged ({exc})", file=name) from None
    width, height = image.size
    if _turned(image):
        width, height = height, width
    found = _metadata(image)
    return ImageFacts(data, hashlib.sha256(data).hexdigest(), kind, width, height,
                      found.get("caption", ""), found.get("credit", ""),
                      found.get("byline", ""))


def _opened(data: bytes, name: str) -> ImageFile.ImageFile:
    from PIL import Image, UnidentifiedImageError

    with warnings.catch_warnings():
        # Above MAX_PIXELS Pillow only warns (an error at twice that): refuse both.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        previous = Image.MAX_IMAGE_PIXELS
        Image.MAX_IMAGE_PIXELS = MAX_PIXELS
        try:
            image = Image.open(io.BytesIO(data))
            if image.width * image.height > MAX_PIXELS:
                raise Image.DecompressionBombError("too many pixels")
            return image
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise UserError(f"the image unpacks to more than {MAX_PIXELS // 1_000_000} "
                            "million pixels (a decompression bomb?)", file=name) from None
        except UnidentifiedImageError:
            raise UserError("not an image (JPEG, PNG or WebP)", file=name) from None
        except (OSError, SyntaxError, ValueError) as exc:
            raise UserError(f"the image is damaged ({exc})", file=name) from None
        finally:
            Image.MAX_IMAGE_PIXELS = previous


def _turned(image: Image.Image) -> bool:
    """Whether the EXIF orientation turns the image a quarter (width and height swap)."""
    try:
        return image.getexif().get(0x0112) in (5, 6, 7, 8)
    except Exception:  # noqa: BLE001 - a damaged EXIF block only loses the orientation
        return False


def _metadata(image: ImageFile.ImageFile) -> dict[str, str]:
    """Caption, credit and by-line from XMP, else from IPTC ("" parts left out)."""
    found = _iptc(image)
    found.update({key: value for key, value in _xmp(image).items() if value})
    return {key: " ".join(value.split()) for key, value in found.items() if value.strip()}


def _iptc(image: ImageFile.ImageFile) -> dict[str, str]:
    from PIL import IptcImagePlugin

    try:
        info = IptcImagePlugin.getiptcinfo(image) or {}
    except Exception:  # noqa: BLE001 - damaged IPTC: the picture is still a picture
        return {}
    found = {}
    for key, code in _IPTC_NAMES.items():
        value = info.get(code)
        if isinstance(value, list):
            value = b", ".join(value)
        if isinstance(value, bytes):
            found[key] = value.decode("utf-8", "replace")
    return found


def _xmp(image: Image.Image) -> dict[str, str]:
    packet = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
    if not packet:
        return {}
    text = packet.decode("utf-8", "replace") if isinstance(packet, bytes) else str(packet)
    # An entity declaration could make a small packet huge (a "billion laughs"): XMP
    # never needs one, so a packet with a DOCTYPE is ignored.
    if "<!DOCTYPE" in text.upper():
        return {}
    text = re.sub(r"<\?xpacket[^>]*\?>", "", text)
    from xml.etree import ElementTree

    try:
        root = ElementTree.fromstring(text.strip())
    except ElementTree.ParseError:
        return {}
    return {key: _xmp_value(root, names) for key, names in _XMP_NAMES.items()}


def _xmp_value(root: ElementTree.Element, names: tuple[str, ...]) -> str:
    for name in names:
        for element in root.iter(f"{_RDF}Description"):
            if name in element.attrib:
                return element.attrib[name]
        for element in root.iter(name):
            items = [li.text or "" for li in element.iter(f"{_RDF}li")]
            if items:
                return ", ".join(item for item in items if item)
            if element.text and element.text.strip():
                return element.text
    return ""


# -- sizes made of a picture -------------------------------------------------------------

@dataclass(frozen=True)
class Rendition:
    data: bytes
    width: int
    height: int
    content_type: str


def rendition(data: bytes, width: int, content_type: str, *,
              keep_gps: bool = False) -> Rendition:
    """The picture ``width`` pixels wide (never wider than it is), upright, as
    ``content_type`` (image/jpeg or image/webp), without its metadata: GPS included,
    unless ``keep_gps`` (then the GPS location alone is kept)."""
    from PIL import Image

    upright = _upright(data)
    scale = min(1.0, width / upright.width)
    size = (max(1, round(upright.width * scale)), max(1, round(upright.height * scale)))
    made = (upright.resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0)
            if size != upright.size else upright)
    out = io.BytesIO()
    extra = {"exif": gps} if keep_gps and (gps := _gps_exif(data)) else {}
    # Encoder effort measured on a 1600 px photo: WebP's method 4 (its default) took
    # twice method 1's time, and a progressive or optimised JPEG seven times a baseline
    # one, for files a few per cent smaller.
    if content_type == "image/webp":
        made.save(out, "WEBP", quality=80, method=1, **extra)
    else:
        _on_white(made).save(out, "JPEG", quality=82, **extra)
    return Rendition(out.getvalue(), size[0], size[1], content_type)


def _gps_exif(data: bytes) -> bytes:
    """An EXIF block with only the picture's GPS location (b"" when it has none)."""
    from PIL import Image

    try:
        gps = Image.open(io.BytesIO(data)).getexif().get_ifd(_GPS_IFD)
    except Exception:  # noqa: BLE001 - a damaged EXIF block: nothing to keep
        return b""
    if not gps:
        return b""
    kept = Image.Exif()
    kept[_GPS_IFD] = dict(gps)
    return kept.tobytes()


def _on_white(image: Image.Image) -> Image.Image:
    """JPEG has no transparency: transparent parts become white, not black."""
    from PIL import Image

    if image.mode != "RGBA":
        return image.convert("RGB")
    flat = Image.new("RGB", image.size, "white")
    flat.paste(image, mask=image.getchannel("A"))
    return flat


def rendered_size(width: int, height: int, wanted: int) -> tuple[int, int]:
    """The size ``rendition`` makes for ``wanted`` of a picture ``width`` x ``height``."""
    scale = min(1.0, wanted / width)
    return max(1, round(width * scale)), max(1, round(height * scale))


@lru_cache(maxsize=4)
def _upright(data: bytes) -> Image.Image:
    """The decoded picture, turned as its EXIF says, in a mode every format can write
    (kept for the next size of the same picture)."""
    from PIL import Image, ImageOps

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        opened = Image.open(io.BytesIO(data))
        opened.load()
    image = ImageOps.exif_transpose(opened)
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.getbands() or "transparency"
                              in image.info else "RGB")
    return image
