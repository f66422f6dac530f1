"""A smaller ICU data library for the Linux bundle: Qt's `libicudata` cut down to what the app can use.

The PySide6 wheel ships ICU's full data library (`libicudata.so.73`, 32 MB: every locale's currency, time
zone, unit and language names, collation for 170 languages, Chinese/Japanese/Thai word dictionaries and
hundreds of legacy character converters). Qt Core links against it but the app only ever works in
Norwegian (bokmål, nynorsk) and English, reads and writes UTF-8 (which ICU converts in code, without data),
and sorts names in Python. This module keeps:

* everything language-neutral (Unicode properties and normalisation, break rules, plural and time zone
  rules, the converter alias table, the pool bundles locales share);
* `root` and every locale of `en`, `nb`, `nn` and `no` in each tree (collation included, so a QCollator
  for Norwegian still sorts Z < Æ < Ø < Å);

and leaves out every other locale, the CJK/Thai/Khmer/Lao/Burmese break dictionaries, the transliterators,
character names, spoof-check data and the legacy converters (`*.cnv`). Items ICU cannot find fall back to
root, as in any ICU build made with ICU's own data filter.

The data is read out of the wheel's library, filtered with ICU's `icupkg`, assembled by `as` and linked
into a library with the same name, soname and entry point (`icudt73_dat`), so Qt's `libicuuc` loads it
unchanged. Needs `icupkg` (Debian/Ubuntu: icu-devtools) and binutils (`readelf`, `as`, `ld`).

    python installer/slim_icu.py PATH/TO/libicudata.so.73 OUTDIR     # prints the new library's path
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path, PurePosixPath

KEEP_LANGUAGES = ("en", "nb", "nn", "no")
# Item trees (folders inside the package) that hold nothing the app can reach: transliteration rules.
DROP_TREES = ("translit",)
# Language-neutral items without a use here: Unicode character names, spoof checking (confusables).
DROP_ITEMS = ("unames.icu", "confusables.cfu")
# Break-iterator dictionaries for languages written without spaces.
DROP_SUFFIXES = (".cnv", ".dict")
LOCALE_RE = re.compile(r"^([a-z]{2,3})(?:_[A-Za-z0-9_]+)?\.res$")
NOT_LOCALES = ("res_index.res", "pool.res", "root.res")


class SlimIcuError(RuntimeError):
    """The ICU data library could not be cut down (a tool is missing or the library is not ICU's)."""


def keep_item(item: str) -> bool:
    """Whether an item of the ICU package (`coll/nb.res`, `cnvalias.icu`, …; no package prefix) is kept."""
    path = PurePosixPath(item)
    name = path.name
    if path.parts[0] in DROP_TREES or name in DROP_ITEMS or name.endswith(DROP_SUFFIXES):
        return False
    if name in NOT_LOCALES:
        return True
    match = LOCALE_RE.match(name)
    if match is None:  # supplementalData.res, ucadata.icu, word.brk, nfkc.nrm …: language-neutral
        return True
    return match.group(1) in KEEP_LANGUAGES


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        package = "binutils" if name in ("readelf", "as", "ld") else "icu-devtools"
        raise SlimIcuError(f"{name} was not found; install the {package} package to build the bundle")
    return path


def _run(*args: str, cwd: Path | None = None) -> str:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SlimIcuError(f"{' '.join(args)} failed ({result.returncode}): {result.stderr.strip()}")
    return result.stdout


def _entry_point(library: Path) -> tuple[str, int, int]:
    """The ICU data symbol (`icudt73_dat`), its offset in the file and its size."""
    symbols = _run(_tool("readelf"), "-Ws", "--dyn-syms", str(library))
    found = re.search(r"\s([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+)\s+(icudt\d+_dat)\s*$", symbols, re.M)
    if found is None:
        raise SlimIcuError(f"{library} has no icudtNN_dat symbol: not an ICU data library")
    address, size, section_index, symbol = int(found.group(1), 16), int(found.group(2), 0), int(found.group(3)), found.group(4)
    sections = _run(_tool("readelf"), "-SW", str(library))
    section = re.search(rf"^\s*\[\s*{section_index}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", sections, re.M)
    if section is None:
        raise SlimIcuError(f"{library}: section {section_index} of {symbol} not found")
    section_address, section_offset = int(section.group(1), 16), int(section.group(2), 16)
    return symbol, address - section_address + section_offset, size


def slim_icudata(library: Path, out_dir: Path) -> Path:
    """Write a cut-down copy of `library` (libicudata.so.NN) into `out_dir`; return its path."""
    library, out_dir = Path(library), Path(out_dir)
    symbol, offset, size = _entry_point(library)
    package = symbol[: -len("_dat")] + "l"  # icudt73l: ICU's name for the little-endian ASCII package
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="slim-icu-") as tmp:
        work = Path(tmp)
        with library.open("rb") as f:
            f.seek(offset)
            (work / f"{package}.dat").write_bytes(f.read(size))
        items = _run(_tool("icupkg"), "-l", f"{package}.dat", cwd=work).split()
        dropped = [item for item in items if not keep_item(item)]
        (work / "drop.txt").write_text("\n".join(dropped) + "\n", encoding="ascii")
        (work / "slim").mkdir()
        _run(_tool("icupkg"), "--ignore-deps", "-r", "drop.txt", f"{package}.dat", f"slim/{package}.dat", cwd=work)
        # What ICU's genccode writes, without its C preprocessor lines: the data, 16-byte aligned, as a
        # global object under ICU's entry-point name.
        (work / "data.s").write_text(
            '.section .note.GNU-stack,"",%progbits\n'
            ".section .rodata\n"
            ".balign 16\n"
            f".globl {symbol}\n"
            f".type {symbol},%object\n"
            f".size {symbol},{(work / 'slim' / f'{package}.dat').stat().st_size}\n"
            f"{symbol}:\n"
            f'.incbin "slim/{package}.dat"\n',
            encoding="ascii",
        )
        _run(_tool("as"), "-o", "data.o", "data.s", cwd=work)
        target = out_dir / library.name
        _run(_tool("ld"), "-shared", "-soname", library.name, "-z", "noexecstack", "-o", str(target.resolve()),
             "data.o", cwd=work)
    return target


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.rsplit("\n\n", 1)[-1])
    print(slim_icudata(Path(sys.argv[1]), Path(sys.argv[2])))
