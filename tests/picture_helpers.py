"""Image files the picture tests make themselves: JPEGs carrying IPTC (Photoshop APP13)
and XMP written here without exiftool, EXIF orientation and GPS, PNG and WebP."""

from __future__ import annotations

import io
import struct

from PIL import Image

XMP_TEMPLATE = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="{credit}">
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{caption}</rdf:li></rdf:Alt></dc:description>
<dc:creator><rdf:Seq><rdf:li>{byline}</rdf:li></rdf:Seq></dc:creator>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"""


def iptc_segment(**fields: str) -> bytes:
    """An APP13 segment with IPTC IIM record 2: caption (2:120), credit (2:110),
    byline (2:80)."""
    codes = {"caption": 120, "credit": 110, "byline": 80}
    iim = b"".join(b"\x1c\x02" + bytes([codes[key]]) + struct.pack(">H", len(value.encode()))
                   + value.encode() for key, value in fields.items())
    if len(iim) % 2:
        iim += b"\x00"
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iim)) + iim
    body = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(body) + 2) + body


def jpeg(size: tuple[int, int] = (64, 48), *, iptc: dict[str, str] | None = None,
         xmp: dict[str, str] | None = None, orientation: int | None = None,
         gps: bool = False, colour: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    image = Image.new("RGB", size, colour)
    image.paste((20, 20, 220), (0, 0, size[0] // 2, size[1] // 2))
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    if gps:
        exif[0x8825] = {1: "N", 2: (40.0, 22.0, 0.0), 3: "E", 4: (49.0, 52.0, 0.0)}
    out = io.BytesIO()
    options = {"exif": exif.tobytes()} if (orientation or gps) else {}
    if xmp is not None:
        options["xmp"] = XMP_TEMPLATE.format(**xmp).encode("utf-8")
    image.save(out, "JPEG", quality=90, **options)
    data = out.getvalue()
    if iptc:
        data = data[:2] + iptc_segment(**iptc) + data[2:]
    return data


def png(size: tuple[int, int] = (40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", size, (10, 200, 10, 128)).save(out, "PNG")
    return out.getvalue()


def webp(size: tuple[int, int] = (40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (10, 10, 200)).save(out, "WEBP")
    return out.getvalue()


def bomb() -> bytes:
    """A small PNG that claims 20,000 x 20,000 pixels (400 million)."""
    out = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(out, "PNG", optimize=True)
    return out.getvalue()
