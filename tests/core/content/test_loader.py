"""The loader and validator: every class of bad input gives a clear message at the right line."""

import datetime
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide.core.content import schema
from guide.core.content.cache import load_catalog
from guide.core.content.catalog import Source, builtin_source, user_source
from guide.core.content.problems import Problem
from guide.core.content.reading import read_document

GOOD_STRETCH = """\
id: my-calf
name: My calf stretch
summary: A gentle calf stretch.
muscles:
  primary: [gastrocnemius]
position: [standing]
per_side: true
hold: 20
steps:
  - text: Stand facing a wall.
  - text: Lean in.
sources:
  - title: Leg cramps
    publisher: NHS
    url: https://www.nhs.uk/conditions/leg-cramps/
"""


def load_user(user_exercises: Path, files: dict[str, str | bytes]) -> list[Problem]:
    for name, content in files.items():
        path = user_exercises / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    catalog = load_catalog([builtin_source(), user_source()])
    return [p for p in catalog.problems if str(user_exercises) in p.path]


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_shipped_content_is_clean() -> None:
    catalog = load_catalog([builtin_source()])
    assert [str(p) for p in catalog.problems] == []
    assert len(catalog.stretches) >= 20
    assert {"cramp-calf", "cramp-thigh", "cramp-hamstring", "warm-up", "bedtime",
            "desk-break"} <= set(catalog.routines)


def test_content_review_date_is_one_past_iso_date() -> None:
    root = builtin_source().root
    assert root is not None
    text = (root / "REVIEWED").read_text(encoding="utf-8")
    assert text.endswith("\n") and text.count("\n") == 1
    assert datetime.date.fromisoformat(text.strip()) <= datetime.date.today()


def test_every_stretch_cites_a_source_and_every_muscle_is_known() -> None:
    catalog = load_catalog([builtin_source()])
    for stretch in catalog.stretches.values():
        assert stretch.sources, stretch.id
        for muscle in (*stretch.muscles.primary, *stretch.muscles.secondary):
            assert muscle in catalog.muscles


def test_shipped_files_point_editors_at_the_schema() -> None:
    root = builtin_source().root
    assert root is not None
    for path in [root / "muscles.yaml", *root.glob("stretches/*.yaml"),
                 *root.glob("routines/*.yaml")]:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=")[1]).resolve()
        assert target.is_file(), path


@pytest.mark.parametrize("kind", sorted(schema.KINDS))
def test_committed_schema_matches_the_model(kind: str) -> None:
    committed = (schema.schema_dir() / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert json.loads(committed) == json.loads(schema.render(kind)), (
        "run `python -m guide.core.content.schema` to regenerate")


def test_a_good_user_stretch_loads(user_exercises: Path) -> None:
    assert load_user(user_exercises, {"stretches/my-calf.yaml": GOOD_STRETCH}) == []
    catalog = load_catalog()
    assert catalog.stretches["my-calf"].hold == 20
    assert catalog.file_of("stretch", "my-calf") == user_exercises / "stretches/my-calf.yaml"


def test_yaml_syntax_error_has_line_and_column(user_exercises: Path) -> None:
    text = GOOD_STRETCH.replace("hold: 20", "hold: [20")
    problem = only(load_user(user_exercises, {"stretches/bad.yaml": text}))
    assert problem.path.endswith("bad.yaml")
    assert problem.line in (8, 9)
    assert "not valid YAML" in problem.message


def test_duplicate_key_is_refused_at_its_line(user_exercises: Path) -> None:
    text = GOOD_STRETCH.replace("hold: 20\n", "hold: 20\nhold: 30\n")
    problem = only(load_user(user_exercises, {"stretches/dup.yaml": text}))
    assert (problem.line, problem.col, problem.key) == (9, 1, "hold")
    assert "duplicate key" in problem.message


def test_unknown_key_suggests_the_right_one(user_exercises: Path) -> None:
    text = GOOD_STRETCH.replace("hold: 20", "hlod: 20")
    problem = only(load_user(user_exercises, {"stretches/typo.yaml": text}))
    assert (problem.line, problem.key) == (8, "hlod")
    assert "did you mean `hold`" in problem.message


def test_all_problems_in_a_file_are_reported_together(user_exercises: Path) -> None:
    text = (GOOD_STRETCH.replace("hold: 20", "hold: 0")
            .replace("position: [standing]", "position: [standin]")
            .replace("    url: https://www.nhs.uk/conditions/leg-cramps/", "    url: nhs.uk"))
    problems = load_user(user_exercises, {"stretches/many.yaml": text})
    by_key = {p.key: p for p in problems}
    assert set(by_key) == {"hold", "position[0]", "sources[0].url"}
    assert by_key["hold"].line == 8 and "at least 1" in by_key["hold"].message
    assert "did you mean `standing`" in by_key["position[0]"].message
    assert by_key["sources[0].url"].line == 15 and "https://" in by_key["sources[0].url"].message


def test_missing_required_key(user_exercises: Path) -> None:
    text = GOOD_STRETCH.replace("summary: A gentle calf stretch.\n", "")
    problem = only(load_user(user_exercises, {"stretches/nosummary.yaml": text}))
    assert "missing required key `summary`" in problem.message


def test_unknown_muscle_suggests_the_id(user_exercises: Path) -> None:
    text = GOOD_STRETCH.replace("primary: [gastrocnemius]", "primary: [gastrocnemus, calf]")
    problems = load_user(user_exercises, {"stretches/muscle.yaml": text})
    assert [p.key for p in problems] == ["muscles.primary[0]", "muscles.primary[1]"]
    assert all(p.line == 5 for p in problems)
    assert "did you mean `gastrocnemius`" in problems[0].message
    assert "use the muscle id" in problems[1].message and "soleus" in problems[1].message


def test_routine_naming_an_unknown_stretch(user_exercises: Path) -> None:
    routine = """\
id: my-routine
name: Mine
kind: custom
description: Just mine.
items:
  - stretch: calf-wall-straigt
  - action: Walk
"""
    problems = load_user(user_exercises, {"routines/mine.yaml": routine})
    assert [(p.line, p.key) for p in problems] == [(6, "items[0].stretch"), (7, "items[1]")]
    assert "did you mean `calf-wall-straight`" in problems[0].message
    assert "hold" in problems[1].message


def test_missing_and_escaping_illustrations(user_exercises: Path) -> None:
    text = GOOD_STRETCH.replace(
        "  - text: Lean in.\n",
        "  - text: Lean in.\n    illustration: stretches/nope.svg\n"
        "  - text: Out.\n    illustration: ../../etc/passwd.svg\n")
    problems = load_user(user_exercises, {"stretches/art.yaml": text})
    assert [p.key for p in problems] == ["steps[1].illustration", "steps[2].illustration"]
    assert "not found" in problems[0].message
    assert "leaves the media folder" in problems[1].message


def test_duplicate_ids_in_one_folder(user_exercises: Path) -> None:
    problems = load_user(user_exercises, {"stretches/a.yaml": GOOD_STRETCH,
                                          "stretches/b.yaml": GOOD_STRETCH})
    problem = only(problems)
    assert problem.path.endswith("b.yaml") and "already defined" in problem.message


def test_user_file_overrides_builtin_by_id(user_exercises: Path) -> None:
    text = GOOD_STRETCH.replace("id: my-calf", "id: calf-wall-straight")
    assert load_user(user_exercises, {"stretches/override.yaml": text}) == []
    catalog = load_catalog()
    assert catalog.stretches["calf-wall-straight"].name == "My calf stretch"
    assert not catalog.is_builtin("stretch", "calf-wall-straight")


def test_a_bad_user_file_does_not_stop_the_rest(user_exercises: Path) -> None:
    load_user(user_exercises, {"stretches/bad.yaml": "id: [", "stretches/good.yaml": GOOD_STRETCH})
    catalog = load_catalog()
    assert "my-calf" in catalog.stretches
    assert "calf-wall-straight" in catalog.stretches
    assert len(catalog.problems) == 1


@pytest.mark.parametrize(
    ("content", "expected", "line"),
    [
        (b"", "empty", 0),
        (b"# only a comment\n\n", "empty", 0),
        (b"- a\n- b\n", "must be a mapping", 1),
        (b"just text", "must be a mapping", 1),
        (b"id: caf\xe9\n", "not UTF-8", 1),
        (b"id: a\n---\nid: b\n", "more than one YAML document", 0),
        (b"id: !!python/object:os.system x\n", "custom YAML tags", 1),
        (b"a: " + b"[" * 5000 + b"]" * 5000, "nested too deeply", 1),
    ],
)
def test_refused_files(user_exercises: Path, content: bytes, expected: str, line: int) -> None:
    problem = only(load_user(user_exercises, {"stretches/x.yaml": content}))
    assert expected in problem.message
    if line:
        assert problem.line == line


def test_huge_file_is_refused(user_exercises: Path) -> None:
    content = "id: x\nsummary: " + "a" * (1024 * 1024 + 10) + "\n"
    problem = only(load_user(user_exercises, {"stretches/huge.yaml": content}))
    assert "larger than 1 MiB" in problem.message


def test_alias_bomb_is_refused(user_exercises: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    problem = only(load_user(user_exercises, {"stretches/bomb.yaml": "\n".join(lines)}))
    assert "aliases" in problem.message and problem.line == 1


def test_validate_given_files_against_builtins(tmp_path: Path) -> None:
    folder = tmp_path / "mine" / "stretches"
    folder.mkdir(parents=True)
    (folder / "s.yaml").write_text(GOOD_STRETCH.replace("gastrocnemius", "soleus"))
    from guide.core.content.catalog import sources_for

    catalog = load_catalog([builtin_source(), *sources_for([folder / "s.yaml"])])
    assert catalog.problems == []
    assert catalog.stretches["my-calf"].muscles.primary == ["soleus"]


yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20),
                         st.floats(allow_nan=False))
yaml_values = st.recursive(
    yaml_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["id", "name", "summary", "steps", "hold", "reps", "muscles", "items",
                         "primary", "text", "sources", "kind", "position", "x"]) | st.text(
                             max_size=8), children, max_size=5),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=300), yaml_values.map(
    lambda v: json.dumps(v).encode())))
def test_random_input_never_raises(tmp_path: Path, data: bytes) -> None:
    for sub in ("stretches", "routines"):
        path = tmp_path / sub / "random.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        catalog = load_catalog([builtin_source(), Source(None, tmp_path, files=(path,))])
        for problem in catalog.problems:
            assert str(problem)


@given(text=st.text(max_size=200))
@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_random_text_documents(tmp_path: Path, text: str) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass") if "\ud800" not in text \
        else path.write_bytes(b"x")
    doc = read_document(path)
    assert doc.data is not None or doc.problems


@pytest.mark.parametrize("text", ["0000-00-00\n", "id: calf\nname: 0000-00-00\n",
                                  "id: calf\nname: 2026-11-29\n"])
def test_a_date_like_value_is_text_not_a_crash(tmp_path: Path, text: str) -> None:
    # Hypothesis found "0000-00-00": YAML reads it as a date, and Python has no year 0.
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    if doc.data is None:
        assert doc.problems and "single value ('0000-00-00')" in str(doc.problems[0])
    else:
        assert doc.data["name"] == text.split("name: ")[1].strip()
