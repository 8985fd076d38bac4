"""The README's format guide is real: its example files validate, and CI runs its test command."""

import re
from pathlib import Path

from guide.core.content.cache import load_catalog
from guide.core.content.catalog import Source, builtin_source

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", README, flags=re.S)


def test_example_stretch_and_routine_validate(tmp_path: Path) -> None:
    blocks = [b for b in yaml_blocks() if b.lstrip().startswith("# yaml-language-server") and
              "\nid:" in b]
    assert len(blocks) == 2
    stretch, routine = blocks
    (tmp_path / "stretches").mkdir()
    (tmp_path / "routines").mkdir()
    (tmp_path / "stretches" / "calf-step-drop.yaml").write_text(stretch, encoding="utf-8")
    (tmp_path / "routines" / "my-evening.yaml").write_text(routine, encoding="utf-8")
    catalog = load_catalog([builtin_source(), Source(tmp_path, builtin_source().media)])
    assert [str(p) for p in catalog.problems] == []
    assert catalog.stretches["calf-step-drop"].reps == 3
    assert catalog.routines["my-evening"].items[1].action == "Massage the calf"


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "<!-- test-command -->" in README and "<!-- test-command -->" in ci
    command = README.split("<!-- test-command -->")[1].split("```")[1].strip()
    assert command.startswith("python3 -m venv .venv") and "pytest" in command
    for tool in ("ruff check", "mypy", "lint-imports"):
        assert tool in command
