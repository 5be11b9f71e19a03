"""The accuracy gate: no figure may fall below the minimum pinned in accuracy_pins.json.

Pins are per gold set: `fixtures` (our own annotated fixtures, always run),
`seeds` and `corpus` (../shared/gold, skipped when ../shared is absent).
Raising a pin is an ordinary change. Lowering one is refused unless the pins
file names the pin under "_lowered" with a reason; the commit that lowers it
must say the same reason in its message.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from minutes_cli import document_to_dict, evaluation, extract_file

ROOT = Path(__file__).resolve().parents[1]
SHARED_GOLD = ROOT.parent / "shared" / "gold"
PINS_FILE = ROOT / "accuracy_pins.json"
LOWERED = "_lowered"

GOLD_SETS = [
    pytest.param("fixtures", ROOT / "fixtures" / "gold", ROOT, id="fixtures"),
    pytest.param("seeds", SHARED_GOLD / "seeds", None, id="seeds"),
    pytest.param("corpus", SHARED_GOLD / "corpus", None, id="corpus"),
]


def _extract(path: Path) -> dict[str, object]:
    return document_to_dict(extract_file(path))


@pytest.mark.parametrize(("name", "gold", "root"), GOLD_SETS)
def test_accuracy_at_or_above_pins(name: str, gold: Path, root: Path | None) -> None:
    if not gold.exists():
        pytest.skip(f"{gold} is absent (clone the project beside shared/ to run the accuracy gate)")
    pins = evaluation.load_pins(PINS_FILE)
    assert name in pins, f"accuracy_pins.json has no pins for {name}"
    report = evaluation.evaluate(gold, root, _extract)
    failures = evaluation.check_pins(report, pins[name])
    assert not failures, "\n".join(failures)


def _committed_file() -> dict[str, object] | None:
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        return None
    shown = subprocess.run([git, "show", "HEAD:accuracy_pins.json"], cwd=ROOT, capture_output=True, text=True)
    if shown.returncode != 0:
        return None
    data: dict[str, object] = json.loads(shown.stdout)
    return data


def test_pins_only_go_up_unless_a_reason_is_given() -> None:
    committed_file = _committed_file()
    if committed_file is None:
        pytest.skip("no committed accuracy_pins.json to compare with")
    committed = {k: v for k, v in committed_file.items() if k != LOWERED and isinstance(v, dict)}
    current = json.loads(PINS_FILE.read_text(encoding="utf-8"))
    # only a reason written for this change counts: one already committed lowered an earlier pin
    old_reasons = committed_file.get(LOWERED, {})
    reasons = {k: v for k, v in current.get(LOWERED, {}).items()
               if not isinstance(old_reasons, dict) or old_reasons.get(k) != v}
    lowered = [
        f"{name}.{field}: {old} -> {current.get(name, {}).get(field)}"
        for name, fields in committed.items()
        for field, old in fields.items()
        if current.get(name, {}).get(field, -1.0) < old and not reasons.get(f"{name}.{field}")
    ]
    assert not lowered, "pins lowered without a reason under '_lowered': " + "; ".join(lowered)
