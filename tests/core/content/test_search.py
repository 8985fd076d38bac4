"""Search and filters: everyday words find the right stretches, and filters combine."""

import pytest

from guide.core.content.cache import load_catalog
from guide.core.content.catalog import Catalog
from guide.core.content.search import (
    NO_EQUIPMENT,
    Query,
    SearchIndex,
    muscles_for_words,
    stretch_seconds,
)
from guide.core.routine.plan import build_plan
from guide.core.routine.user_routines import single_stretch_routine


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def index(catalog: Catalog) -> SearchIndex:
    return SearchIndex.for_catalog(catalog)


def works(catalog: Catalog, stretch_id: str) -> set[str]:
    s = catalog.stretches[stretch_id]
    return {*s.muscles.primary, *s.muscles.secondary}


@pytest.mark.parametrize(("word", "muscles"), [
    ("hammies", {"hamstrings"}),
    ("charley horse", {"gastrocnemius", "soleus", "quadriceps"}),
    ("thigh", {"quadriceps", "hamstrings", "adductors"}),
])
def test_everyday_words_find_stretches_for_their_muscles(
        catalog: Catalog, index: SearchIndex, word: str, muscles: set[str]) -> None:
    found = index.matching_ids(Query(text=word))
    expected = {s.id for s in catalog.stretches.values() if works(catalog, s.id) & muscles}
    assert expected <= set(found)
    assert expected, word
    assert set(muscles_for_words(catalog, word)) == muscles


def test_search_is_case_insensitive_and_every_word_must_match(index: SearchIndex) -> None:
    assert "calf-wall-straight" in index.matching_ids(Query(text="WALL Calf"))
    assert index.matching_ids(Query(text="wall nosuchword")) == []
    assert len(index.matching_ids(Query(text="   "))) == len(index)


def test_filters_combine(catalog: Catalog, index: SearchIndex) -> None:
    calf = index.matching_ids(Query(muscle="gastrocnemius"))
    assert set(calf) == {s.id for s in catalog.stretches_for_muscle("gastrocnemius")}
    in_bed = index.matching_ids(Query(muscle="gastrocnemius", position="in_bed"))
    assert in_bed and set(in_bed) < set(calf)
    assert all("in_bed" in catalog.stretches[i].position for i in in_bed)
    bare = index.matching_ids(Query(equipment=NO_EQUIPMENT))
    assert all(not catalog.stretches[i].equipment for i in bare)
    wall = index.matching_ids(Query(equipment="wall"))
    assert wall and all("wall" in catalog.stretches[i].equipment for i in wall)
    quick = index.matching_ids(Query(max_seconds=60))
    assert quick and all(stretch_seconds(catalog.stretches[i]) <= 60 for i in quick)


def test_time_needed_matches_the_player(catalog: Catalog) -> None:
    for stretch in catalog.stretches.values():
        routine = single_stretch_routine(stretch)
        plan = build_plan(routine, catalog.stretches)
        assert stretch_seconds(stretch) == plan.total_seconds - routine.prepare, stretch.id


def test_counts_per_muscle(catalog: Catalog, index: SearchIndex) -> None:
    counts = index.muscle_counts()
    for muscle in catalog.muscles:
        assert counts.get(muscle, 0) == len(catalog.stretches_for_muscle(muscle))
