"""Home's stored summary: small whatever the size of the user's pack, carrying each routine's
tips and sources, kept current, and ignored when an older version wrote it."""

import json
from pathlib import Path

from guide.core.content.sources import content_key, default_sources
from guide.core.routine.summary import load_summary, load_with_summary, summary_file


def test_the_cached_summary_round_trips_tips_and_sources() -> None:
    _catalog, summary = load_with_summary()
    cached = load_summary()
    assert cached == summary
    bedtime = next(r for r in cached.routines if r.id == "bedtime")
    assert any("six weeks" in tip for tip in bedtime.tips)
    assert "https://pubmed.ncbi.nlm.nih.gov/22341378/" in [s.url for s in bedtime.sources]


def test_a_summary_from_an_older_version_is_not_read() -> None:
    load_with_summary()
    data = json.loads(summary_file().read_text())
    data.pop("format")
    for routine in data["routines"]:
        routine.pop("tips")
        routine.pop("sources")
    summary_file().write_text(json.dumps(data))
    assert data["key"] == content_key(default_sources())
    assert load_summary() is None
    load_with_summary()  # rewrites it in the current format
    assert load_summary() is not None


STRETCH = """\
id: gen-{n}
name: Generated stretch {n}
summary: A calf stretch made up for this test, with a longer summary to weigh something.
muscles:
  primary: [gastrocnemius]
position: [standing]
steps:
  - text: Stand facing a wall.
sources:
  - title: Leg cramps
    publisher: NHS
    url: https://www.nhs.uk/conditions/leg-cramps/
"""


def test_the_summary_does_not_grow_with_the_number_of_stretches(user_exercises: Path) -> None:
    _, summary = load_with_summary()
    size_without = summary_file().stat().st_size
    for n in range(400):
        (user_exercises / "stretches" / f"gen-{n}.yaml").write_text(
            STRETCH.format(n=n), encoding="utf-8")
    catalog, again = load_with_summary()
    assert len(catalog.stretches) >= 400  # the pack loaded ...
    assert summary_file().stat().st_size == size_without  # ... and Home's file did not grow
    assert again == summary == load_summary()


def test_no_summary_before_the_first_load() -> None:
    assert load_summary() is None
