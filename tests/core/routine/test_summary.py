"""Home's stored summary: small whatever the size of the user's pack, and kept current."""

from pathlib import Path

from guide.core.routine.summary import load_summary, load_with_summary, summary_file

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
