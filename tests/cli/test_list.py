"""`stretch-guide list exercises [--muscle M] --json` says exactly what the YAML files say."""

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from guide.cli import main

STRETCHES = Path(__file__).resolve().parents[2] / "exercises" / "stretches"


def files() -> dict[str, tuple[Path, dict[str, Any]]]:
    out = {}
    for path in sorted(STRETCHES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[data["id"]] = (path, data)
    return out


def listed(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    code = main(["list", "exercises", *args, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    rows: list[dict[str, Any]] = json.loads(out)
    return rows


def expected_row(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": data["id"],
        "name": data["name"],
        "muscles": {"primary": data["muscles"]["primary"],
                    "secondary": data["muscles"].get("secondary", [])},
        "position": data["position"],
        "sources": data["sources"],
        "illustrations": [s["illustration"] for s in data["steps"] if s.get("illustration")],
        "file": str(path.resolve()),
    }


def test_every_stretch_is_listed_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    rows = listed(capsys)
    on_disk = files()
    assert sorted(r["id"] for r in rows) == sorted(on_disk)
    for row in rows:
        want = expected_row(*on_disk[row["id"]])
        assert {k: row[k] for k in want} == want
        data = on_disk[row["id"]][1]
        assert (row["hold"], row["reps"], row["rest"]) == (
            data.get("hold", 30), data.get("reps", 2), data.get("rest", 10))


@pytest.mark.parametrize(("word", "muscles"), [
    ("calf", {"gastrocnemius", "soleus"}),
    ("gastrocnemius", {"gastrocnemius"}),
    ("hammies", {"hamstrings"}),
])
def test_muscle_filter_matches_the_files(capsys: pytest.CaptureFixture[str], word: str,
                                         muscles: set[str]) -> None:
    rows = listed(capsys, "--muscle", word)
    want = {ident for ident, (_path, data) in files().items()
            if muscles & {*data["muscles"]["primary"], *data["muscles"].get("secondary", [])}}
    assert want
    assert {r["id"] for r in rows} == want


def test_unknown_word_fails_with_closest_matches(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["list", "exercises", "--muscle", "calff", "--json"])
    out, err = capsys.readouterr()
    assert code != 0
    assert out == ""
    assert "unknown muscle `calff`" in err
    assert "`calf`" in err
    assert err.count("`calf`") == 1  # each suggestion once, though two muscles say "calf"
