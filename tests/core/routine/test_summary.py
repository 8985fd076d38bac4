"""Home's cached summary carries each routine's tips and sources, and ignores an older format."""

import json

from guide.core.content.sources import default_sources, fingerprint
from guide.core.routine.summary import load_summary, load_with_summary, summary_file


def test_the_cached_summary_round_trips_tips_and_sources() -> None:
    _catalog, summary = load_with_summary()
    cached = load_summary(default_sources())
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
    assert data["key"] == fingerprint(default_sources())
    assert load_summary(default_sources()) is None
    load_with_summary()  # rewrites it in the current format
    assert load_summary(default_sources()) is not None
