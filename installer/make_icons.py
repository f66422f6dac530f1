"""Every app icon the installers need, drawn from the one SVG in resources/icons/fieldapp.svg.

    QT_QPA_PLATFORM=offscreen python installer/make_icons.py [--out build/icons]

writes (generated files, not kept in git):

    png/fieldapp-<N>.png          N = 16 24 32 48 64 128 256 512 1024 (Linux hicolor theme, general use)
    fieldapp.ico                  Windows: 16 24 32 48 64 (32-bit BMP entries) and 256 (PNG entry)
    fieldapp.icns                 macOS: icp4…ic10 (PNG entries, 16…1024 including @2x)
    fieldapp.iconset/             the same for Apple's own tool: `iconutil -c icns fieldapp.iconset`

Each size is rendered from the vector source with QSvgRenderer (never scaled down from a large bitmap),
so small sizes stay sharp. The .ico and .icns writers are small and pure Python: no Pillow, no macOS tools.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "src" / "fieldapp" / "resources" / "icons" / "fieldapp.svg"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 256)
# ICNS element types holding PNG data, by pixel size (several types share a size: @2x variants).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
    (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
)
# iconutil's iconset: icon_<size>x<size>[@2x].png
ICONSET = (
    ("icon_16x16.png", 16), ("icon_16x16@2x.png", 32), ("icon_32x32.png", 32), ("icon_32x32@2x.png", 64),
    ("icon_128x128.png", 128), ("icon_128x128@2x.png", 256), ("icon_256x256.png", 256),
    ("icon_256x256@2x.png", 512), ("icon_512x512.png", 512), ("icon_512x512@2x.png", 1024),
)


def render(renderer, size: int):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def png_bytes(image) -> bytes:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("PNG encoding failed")
    buffer.close()
    return bytes(data.data())


def bmp_entry(image) -> bytes:  # type: ignore[no-untyped-def]
    """An ICO image entry as a 32-bit DIB: BITMAPINFOHEADER (double height), BGRA rows bottom-up, AND mask."""
    from PySide6.QtGui import QImage

    img = image.convertToFormat(QImage.Format.Format_ARGB32)  # little-endian memory order: B G R A
    w, h = img.width(), img.height()
    stride = img.bytesPerLine()
    bits = bytes(img.constBits())
    rows = [bits[y * stride: y * stride + w * 4] for y in range(h)]
    xor = b"".join(reversed(rows))
    mask_stride = ((w + 31) // 32) * 4
    mask_rows = []
    for row in reversed(rows):
        line = bytearray(mask_stride)
        for x in range(w):
            if row[x * 4 + 3] == 0:  # fully transparent pixel: set in the AND mask
                line[x // 8] |= 0x80 >> (x % 8)
        mask_rows.append(bytes(line))
    header = struct.pack("<IiiHHIIiiII", 40, w, h * 2, 1, 32, 0, len(xor) + len(mask_rows) * mask_stride,
                         0, 0, 0, 0)
    return header + xor + b"".join(mask_rows)


def write_ico(path: Path, images: dict[int, object]) -> None:
    entries = []
    for size in ICO_SIZES:
        img = images[size]
        # 256 px as PNG (what Windows Vista and later expect for the large size), the rest as BMP.
        entries.append((size, png_bytes(img) if size >= 256 else bmp_entry(img)))
    out = bytearray(struct.pack("<HHH", 0, 1, len(entries)))
    offset = 6 + 16 * len(entries)
    for size, data in entries:
        dim = 0 if size >= 256 else size  # 0 means 256
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    for _, data in entries:
        out += data
    path.write_bytes(bytes(out))


def write_icns(path: Path, pngs: dict[int, bytes]) -> None:
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SVG)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "icons")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841  (QPainter needs one)
    renderer = QSvgRenderer(str(args.svg))
    if not renderer.isValid():
        print(f"make_icons: cannot read {args.svg}", file=sys.stderr)
        return 1

    out: Path = args.out
    (out / "png").mkdir(parents=True, exist_ok=True)
    (out / "fieldapp.iconset").mkdir(parents=True, exist_ok=True)
    images = {size: render(renderer, size) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    pngs = {size: png_bytes(img) for size, img in images.items()}
    for size in PNG_SIZES:
        (out / "png" / f"fieldapp-{size}.png").write_bytes(pngs[size])
    for name, size in ICONSET:
        (out / "fieldapp.iconset" / name).write_bytes(pngs[size])
    write_ico(out / "fieldapp.ico", images)
    write_icns(out / "fieldapp.icns", pngs)
    print(f"make_icons: {len(PNG_SIZES)} PNG sizes, fieldapp.ico ({len(ICO_SIZES)} sizes), fieldapp.icns "
          f"({len(ICNS_TYPES)} entries) and fieldapp.iconset in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
