"""installer/slim_icu.py: the bundle's cut-down ICU data library keeps what Qt needs for nb/nn/en."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("slim_icu", ROOT / "installer" / "slim_icu.py")
slim_icu = importlib.util.module_from_spec(spec)
spec.loader.exec_module(slim_icu)

# What Qt does with ICU data: Norwegian collation (Z < Æ < Ø < Å; English puts Æ with A, Å with A, Ø with O),
# locale-aware upper case, and time zone names in bokmål. Prints the path of the ICU data library in use.
PROBE = r"""
import functools, json
from PySide6.QtCore import QCollator, QCoreApplication, QDateTime, QLocale, QTimeZone
app = QCoreApplication([])
words = ["Åse", "Zahid", "Øystein", "Ærlig", "Anders", "ole"]
def order(locale):
    return sorted(words, key=functools.cmp_to_key(QCollator(QLocale(locale)).compare))
winter = QDateTime.fromString("2026-01-15T12:00:00", "yyyy-MM-ddTHH:mm:ss")
print(json.dumps({
    "nb": order("nb_NO"), "nn": order("nn_NO"), "en": order("en_GB"),
    "upper": QLocale("nb_NO").toUpper("æøå straße"),
    "zone": QTimeZone(b"Europe/Oslo").displayName(winter, QTimeZone.LongName, QLocale("nb_NO")),
    "icu": [line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line][:1],
}, ensure_ascii=False))
"""


def wheel_icudata() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 has no bundled ICU (not Linux)")
    return found[0]


def probe(library_dir: Path | None) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if library_dir is not None:
        env["LD_LIBRARY_PATH"] = str(library_dir)  # searched before the Qt libraries' RUNPATH
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize("item, kept", [
    ("coll/nb.res", True), ("coll/no.res", True), ("coll/root.res", True), ("coll/ucadata.icu", True),
    ("coll/de.res", False), ("coll/zh.res", False), ("coll/res_index.res", True),
    ("nb_NO.res", True), ("nn.res", True), ("en_GB.res", True), ("en_US_POSIX.res", True), ("sv.res", False),
    ("zone/nb.res", True), ("zone/ja.res", False), ("zone/tzdbNames.res", True), ("curr/pool.res", True),
    ("supplementalData.res", True), ("likelySubtags.res", True), ("res_index.res", True), ("pool.res", True),
    ("cnvalias.icu", True), ("nfkc.nrm", True), ("uts46.nrm", True), ("ulayout.icu", True),
    ("brkitr/word.brk", True), ("brkitr/line_cj.brk", True), ("brkitr/root.res", True),
    ("brkitr/cjdict.dict", False), ("brkitr/thaidict.dict", False), ("brkitr/ja.res", False),
    ("ibm-1252_P100-2000.cnv", False), ("gb18030.cnv", False), ("translit/root.res", False),
    ("unames.icu", False), ("confusables.cfu", False),
])
def test_keep_item(item, kept):
    assert slim_icu.keep_item(item) is kept


def test_slim_library_behaves_like_the_full_one_for_norwegian_and_english(tmp_path):
    full_library = wheel_icudata()
    slim = slim_icu.slim_icudata(full_library, tmp_path)

    assert slim.name == full_library.name
    assert slim.stat().st_size < full_library.stat().st_size / 4
    full, cut = probe(None), probe(tmp_path)
    assert cut["icu"] == [str(slim)] and full["icu"] == [str(full_library)]
    assert cut["nb"] == ["Anders", "ole", "Zahid", "Ærlig", "Øystein", "Åse"]
    assert cut["en"] == ["Ærlig", "Anders", "Åse", "ole", "Øystein", "Zahid"]
    assert cut["zone"] and cut["upper"] == "ÆØÅ STRASSE"
    assert {k: v for k, v in cut.items() if k != "icu"} == {k: v for k, v in full.items() if k != "icu"}


def test_a_library_without_icu_data_is_refused(tmp_path):
    not_icu = Path(slim_icu.__file__)  # any file readelf rejects or finds no icudtNN_dat in
    with pytest.raises(slim_icu.SlimIcuError):
        slim_icu.slim_icudata(not_icu, tmp_path)
