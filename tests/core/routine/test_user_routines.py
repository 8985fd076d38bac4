"""User routines: YAML like the shipped files, the same validator, safe saving."""

from pathlib import Path

import msgspec
import pytest
import yaml

from guide.core.content.cache import load_catalog
from guide.core.content.catalog import Catalog
from guide.core.content.model import Routine, RoutineKind
from guide.core.routine import user_routines
from guide.core.routine.plan import routine_seconds

SHIPPED = Path(__file__).resolve().parents[3] / "exercises" / "routines"


@pytest.fixture
def catalog() -> Catalog:
    return load_catalog()


def mine(catalog: Catalog, **changes: object) -> Routine:
    routine = Routine(id="my-evening", name="My evening", kind=RoutineKind.CUSTOM,
                      description="Calves and hamstrings.",
                      items=[user_routines.item_for(catalog.stretches["calf-wall-straight"]),
                             user_routines.item_for(catalog.stretches["hamstring-lying"])])
    return msgspec.structs.replace(routine, **changes)


def test_single_stretch_routine(catalog: Catalog) -> None:
    stretch = catalog.stretches["calf-wall-straight"]
    routine = user_routines.single_stretch_routine(stretch)
    assert (routine.id, routine.kind, routine.prepare) == ("single-calf-wall-straight",
                                                          RoutineKind.CUSTOM, 5)
    assert [i.stretch for i in routine.items] == ["calf-wall-straight"]
    assert user_routines.validate_routine(routine, catalog) == []
    assert routine_seconds(routine, catalog.stretches) == 5 + 2 * (30 + 10 + 30) + 5


@pytest.mark.parametrize("path", sorted(SHIPPED.glob("*.yaml")), ids=lambda p: p.stem)
def test_shipped_routines_round_trip(catalog: Catalog, path: Path) -> None:
    routine = catalog.routines[path.stem]
    text = user_routines.routine_to_yaml(routine)
    assert text.splitlines()[0] == user_routines.SCHEMA_LINE
    again = msgspec.convert(yaml.safe_load(text), Routine)
    assert again == routine
    # A shipped routine is fine content; only its id is refused for a user file.
    problems = user_routines.validate_routine(text, catalog)
    assert [p.key for p in problems] == ["id"]
    assert f"{routine.id}-mine" in problems[0].message


def test_yaml_is_human_friendly_and_leaves_out_defaults(catalog: Catalog) -> None:
    text = user_routines.routine_to_yaml(mine(catalog))
    data = yaml.safe_load(text)
    assert list(data)[:4] == ["id", "name", "kind", "description"]
    assert "prepare" not in data and "tips" not in data
    assert "  - stretch: calf-wall-straight" in text


def test_problems_name_the_field(catalog: Catalog) -> None:
    routine = mine(catalog, name="")
    routine.items[1].hold = 0
    routine.items[0].reps = 99
    problems = {p.key: p.message for p in user_routines.validate_routine(routine, catalog)}
    assert problems == {"name": "must not be empty",
                        "items[1].hold": "must be a whole number, at least 1",
                        "items[0].reps": "must be at most 50"}


def test_unknown_stretch_and_empty_routine(catalog: Catalog) -> None:
    routine = mine(catalog)
    routine.items[0].stretch = "calf-wal-straight"
    problems = user_routines.validate_routine(routine, catalog)
    assert [p.key for p in problems] == ["items[0].stretch"]
    assert "calf-wall-straight" in problems[0].message  # did you mean
    empty = user_routines.validate_routine(mine(catalog, items=[]), catalog)
    assert [(p.key, p.message) for p in empty] == [("items", "must have at least one entry")]


def test_save_reload_and_delete(catalog: Catalog, user_exercises: Path) -> None:
    path = user_routines.save_user_routine(mine(catalog), catalog)
    assert path == user_exercises / "routines" / "my-evening.yaml"
    assert (user_exercises / "schema" / "routine.schema.json").is_file()
    assert catalog.routines["my-evening"].name == "My evening"
    fresh = load_catalog()
    assert fresh.problems == []
    assert fresh.routines["my-evening"] == mine(catalog)
    assert not fresh.is_builtin("routine", "my-evening")
    # Renaming the id replaces the file.
    renamed = user_routines.save_user_routine(mine(catalog, id="evening"), catalog,
                                           replacing="my-evening")
    assert renamed.is_file() and not path.exists()
    assert user_routines.delete_user_routine("evening", catalog)
    assert not renamed.exists() and "evening" not in catalog.routines


def test_invalid_routine_is_not_written(catalog: Catalog, user_exercises: Path) -> None:
    with pytest.raises(user_routines.RoutineInvalid) as caught:
        user_routines.save_user_routine(mine(catalog, id="Bad Id!"), catalog)
    assert [p.key for p in caught.value.problems] == ["id"]
    assert list((user_exercises / "routines").iterdir()) == []


def test_shipped_routines_are_never_overwritten(catalog: Catalog, user_exercises: Path) -> None:
    shipped = catalog.routines["bedtime"]
    with pytest.raises(user_routines.RoutineInvalid):
        user_routines.save_user_routine(shipped, catalog)
    assert not user_routines.delete_user_routine("bedtime", catalog)
    new_id = user_routines.free_id("bedtime", catalog)
    assert new_id == "bedtime-mine"
    copy = user_routines.copy_routine(shipped, new_id, "My bedtime")
    assert copy.items == shipped.items and copy.items is not shipped.items
    user_routines.save_user_routine(copy, catalog)
    assert user_routines.free_id("bedtime", catalog) == "bedtime-mine-2"
    assert catalog.routines["bedtime"] is shipped


def test_id_of_another_user_routine_is_refused(catalog: Catalog, user_exercises: Path) -> None:
    user_routines.save_user_routine(mine(catalog), catalog)
    other = mine(catalog, name="Another")
    problems = user_routines.validate_routine(other, catalog)
    assert [p.key for p in problems] == ["id"]
    assert user_routines.validate_routine(other, catalog, replacing="my-evening") == []


def test_slug() -> None:
    assert user_routines.slug("My Bedtime, v2!") == "my-bedtime-v2"
    assert user_routines.slug("!!!") == "routine"
