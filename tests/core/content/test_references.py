"""References between files: resolved whatever the order files are read in, problems still at
their line, and ``validate`` (which keeps no stretches) finds exactly what the app finds."""

from pathlib import Path

from guide.core.content.catalog import Source, builtin_source, check_sources, read_catalog

STRETCH = """\
id: {id}
name: A stretch for {muscle}
summary: A gentle stretch.
muscles:
  primary: [{muscle}]
position: [standing]
steps:
  - text: Stand facing a wall.
    illustration: {picture}
sources:
  - title: Leg cramps
    publisher: NHS
    url: https://www.nhs.uk/conditions/leg-cramps/
"""

MUSCLES = """\
muscles:
  - id: tibialis_anterior
    name: Front of shin (tibialis anterior)
    side: front
    region: legs
"""

ROUTINE = """\
id: shins
name: Shins
kind: custom
description: Made for this test.
items:
  - stretch: shin-stretch
  - stretch: not-there
"""


def folder(root: Path, files: dict[str, str]) -> Source:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return Source(root, builtin_source().media)


def test_a_muscle_and_a_stretch_from_a_later_folder_resolve(tmp_path: Path) -> None:
    first = folder(tmp_path / "a", {
        "stretches/shin.yaml": STRETCH.format(id="shin-stretch", muscle="tibialis_anterior",
                                              picture="stretches/calf-wall-straight.svg"),
        "routines/shins.yaml": ROUTINE.replace("  - stretch: not-there\n", "  - stretch: later\n"),
    })
    second = folder(tmp_path / "b", {
        "muscles.yaml": MUSCLES,
        "stretches/later.yaml": STRETCH.format(id="later", muscle="gastrocnemius",
                                               picture="stretches/calf-wall-straight.svg"),
    })
    catalog = read_catalog([builtin_source(), first, second])
    assert [str(p) for p in catalog.problems] == []
    assert "shins" in catalog.routines


def test_unresolved_references_are_reported_at_their_line(tmp_path: Path) -> None:
    source = folder(tmp_path, {
        "stretches/shin.yaml": STRETCH.format(id="shin-stretch", muscle="tibialis_anterio",
                                              picture="stretches/nowhere.svg"),
        "routines/shins.yaml": ROUTINE,
    })
    sources = [builtin_source(), source]
    catalog = read_catalog(sources)
    found = sorted((Path(p.path).name, p.line, p.key) for p in catalog.problems)
    assert found == [("shin.yaml", 5, "muscles.primary[0]"),
                     ("shin.yaml", 9, "steps[0].illustration"),
                     ("shins.yaml", 7, "items[1].stretch")]
    assert "shins" not in catalog.routines  # it names a stretch that does not exist
    problems, checked = check_sources(sources)
    assert sorted(problems) == sorted(catalog.problems)
    assert checked == len(catalog.files)
