"""The catalogue cache: what comes back is what was read, however lazily it is decoded."""

from pathlib import Path

from guide.core.content.cache import load_cached
from guide.core.content.search import Query, SearchIndex
from guide.core.content.sources import default_sources


def test_a_cached_catalogue_equals_the_one_read_from_the_files(user_exercises: Path) -> None:
    read, key = load_cached(default_sources())  # no cache yet: the YAML is read and stored
    cached, again = load_cached(default_sources())
    assert key is not None and again == key
    assert cached.stretches.get("calf-wall-straight") == read.stretches["calf-wall-straight"]
    assert cached.stretches.get("no-such-stretch") is None
    assert "calf-wall-straight" in cached.stretches
    assert sorted(cached.stretches) == sorted(read.stretches)
    assert list(cached.stretches.values()) == [read.stretches[i] for i in cached.stretches]
    assert cached.file_of("stretch", "calf-wall-straight") == \
        read.file_of("stretch", "calf-wall-straight")
    assert isinstance(cached.file_of("routine", "bedtime"), Path)
    assert cached.routines == read.routines and cached.muscles == read.muscles
    query = Query(text="calf", muscle="soleus")
    assert SearchIndex.for_catalog(cached).matching_ids(query) == \
        SearchIndex.for_catalog(read).matching_ids(query)
