"""The command line as users and scripts see it: output format, JSON shapes and exit codes."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from guide import __version__
from guide.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_shipped_content_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate")
    assert code == 0
    assert out.startswith("OK:")


def test_validate_reports_each_problem_with_file_line_and_a_count(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "mine" / "stretches"
    folder.mkdir(parents=True)
    bad = folder / "bad.yaml"
    bad.write_text("id: bad\nname: Bad\nsummary: x\nmuscles: {primary: [calf_muscle]}\n"
                   "position: [standing]\nhodl: 3\nsteps: [{text: a}]\n"
                   "sources: [{title: t, publisher: p, url: https://example.org}]\n")
    code, out, _ = run(capsys, "validate", str(tmp_path / "mine"))
    lines = out.strip().splitlines()
    assert code == 1
    assert lines[-1] == "2 problems found"
    assert lines[0].startswith(f"{bad}:4:21: muscles.primary[0]: unknown muscle `calf_muscle`")
    assert "gastrocnemius" in lines[0]  # "calf" is a synonym, so the id is suggested
    assert lines[1].startswith(f"{bad}:6:1: hodl: unknown key (did you mean `hold`?)")


def test_validate_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "validate", str(tmp_path / "nope.yaml"))
    assert code == 2 and "no such file" in err


def test_list_routines_json_has_totals_and_files(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "routines", "--json")
    assert code == 0
    routines = {r["id"]: r for r in json.loads(out)}
    bedtime = routines["bedtime"]
    assert bedtime["kind"] == "bedtime"
    assert Path(bedtime["file"]) == ROOT / "exercises" / "routines" / "bedtime.yaml"
    # 10 s get-ready, 2 stretches x 2 legs x (3 holds of 10 s + 2 rests of 10 s), a 5 s switch
    # per stretch and a 5 s get-ready before the second stretch.
    assert bedtime["total_seconds"] == 10 + 2 * 2 * 50 + 2 * 5 + 5


def test_list_muscles_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "muscles")
    assert code == 0
    header, _rule, *rows = out.strip().splitlines()
    assert header.split()[:3] == ["ID", "NAME", "SIDE"]
    assert any(r.startswith("gastrocnemius ") and "charley horse" in r for r in rows)


def test_plan_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plan", "bedtime", "--json")
    assert code == 0
    plan = json.loads(out)
    assert plan["routine"] == "bedtime"
    segments = plan["segments"]
    assert sum(s["seconds"] for s in segments) == plan["total_seconds"]
    assert {s["kind"] for s in segments} <= {"prepare", "hold", "rest", "switch", "action",
                                             "done"}
    holds = [(s["exercise"], s["side"], s["rep"], s["seconds"]) for s in segments
             if s["kind"] == "hold"]
    assert holds[:3] == [("calf-wall-straight", "left", r, 10) for r in (1, 2, 3)]
    assert holds[3:6] == [("calf-wall-straight", "right", r, 10) for r in (1, 2, 3)]
    assert len(holds) == 12
    assert segments[-1]["kind"] == "done"


def test_plan_text_and_unknown_routine(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plan", "desk-break")
    assert code == 0 and out.strip().splitlines()[-1].startswith("Total: ")
    code, _, err = run(capsys, "plan", "bedtme")
    assert code == 2 and "did you mean `bedtime`" in err


def test_version_and_exit_after_startup(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-m", "guide", "--version"], capture_output=True,
                         text=True, env=env, check=True).stdout
    assert out.strip() == f"stretch-guide {__version__}"
    shot = tmp_path / "first-run.png"
    env["STRETCH_GUIDE_SCREENSHOT"] = str(shot)
    result = subprocess.run([sys.executable, "-m", "guide", "--exit-after-startup"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert shot.stat().st_size > 10_000


def test_plan_json_carries_tips_cautions_and_sources(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plan", "cramp-calf", "--json")
    assert code == 0
    plan = json.loads(out)
    assert any("warm" in tip.lower() for tip in plan["tips"])
    urls = [s["url"] for s in plan["sources"]]
    assert len(urls) == len(set(urls))
    assert "https://www.nhs.uk/conditions/deep-vein-thrombosis-dvt/" in urls  # a stretch's
    release = [s for s in plan["segments"] if s["exercise"] == "calf-cramp-release"]
    assert release and all(
        any("do not stretch or rub it" in c for c in s["cautions"]) for s in release)
    assert all(s["cautions"] == [] for s in plan["segments"] if s["kind"] == "action")


@pytest.mark.parametrize(("argv", "collecting"), [([], False), (["--background"], False),
                                                  (["list", "routines"], True)])
def test_only_the_window_starts_without_the_garbage_collector(
        monkeypatch: pytest.MonkeyPatch, argv: list[str], collecting: bool) -> None:
    """A plain launch imports the command line and Qt with the collector off (the window turns
    it on once started); every other command keeps it, so a long validation collects as usual."""
    import gc

    from guide import cli, launch

    seen: list[tuple[bool, list[str]]] = []
    monkeypatch.setattr(cli, "main", lambda args: seen.append((gc.isenabled(), args)) or 0)
    monkeypatch.setattr(sys, "argv", ["stretch-guide", *argv])
    try:
        assert launch.main() == 0
    finally:
        gc.enable()
    assert seen == [(collecting, argv)]
