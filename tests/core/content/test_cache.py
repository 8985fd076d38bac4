"""The catalogue cache: what comes back is what was read, however lazily it is decoded."""

from pathlib import Path

import pytest

from guide.core.content import cache, sources
from guide.core.content.cache import load_cached, load_unchecked
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


def test_the_cached_catalogue_can_be_taken_without_listing_a_file(
        user_exercises: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read, key = load_cached(default_sources())

    def listing(_sources: object) -> str:
        raise AssertionError("the content files were listed")

    monkeypatch.setattr(sources, "content_key", listing)
    monkeypatch.setattr(cache, "content_key", listing)
    taken = load_unchecked()
    assert taken is not None
    catalog, digest = taken
    assert digest == key
    assert sorted(catalog.stretches) == sorted(read.stretches)
    assert catalog.stretches["calf-wall-straight"] == read.stretches["calf-wall-straight"]
    assert catalog.routines == read.routines


def test_a_cache_of_another_language_or_version_is_not_taken_unchecked(
        user_exercises: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_cached(default_sources())
    monkeypatch.setattr(cache.i18n, "language", lambda: "es")
    assert load_unchecked() is None
    monkeypatch.undo()
    monkeypatch.setattr(cache, "__version__", "99.0")
    assert load_unchecked() is None


@pytest.mark.parametrize("damage", ["empty", "garbage", "cut in the head"])
def test_a_damaged_cache_is_not_taken(user_exercises: Path, damage: str) -> None:
    load_cached(default_sources())
    data = cache.cache_file().read_bytes()
    cache.cache_file().write_bytes(
        {"empty": b"", "garbage": b"\xff" * 64, "cut in the head": data[:40]}[damage])
    assert load_unchecked() is None
    catalog, _key = load_cached(default_sources())  # read from the files, and cached again
    assert "calf-wall-straight" in catalog.stretches
    assert load_unchecked() is not None


def test_stretches_stay_readable_when_a_new_cache_replaces_the_file(
        user_exercises: Path) -> None:
    """The catalogue reads its stretches from the file it was loaded from: another start (or
    the command line) writing the cache anew does not change what it reads."""
    load_cached(default_sources())
    taken = load_unchecked()
    assert taken is not None
    old = cache.cache_file().read_bytes()
    cache.cache_file().unlink()
    cache.load_cached(default_sources())  # a fresh cache file under the same name
    assert taken[0].stretches["calf-wall-straight"].name == "Wall calf stretch, straight knee"
    assert len(cache.cache_file().read_bytes()) == len(old)


def test_a_cache_cut_short_while_in_use_loses_stretches_not_the_app(
        user_exercises: Path) -> None:
    read, _key = load_cached(default_sources())
    taken = load_unchecked()
    assert taken is not None
    catalog = taken[0]
    ids = list(catalog.stretches)  # in the order they are stored
    with open(cache.cache_file(), "r+b") as damaged:  # cut in place, behind the app's back
        damaged.truncate(damaged.seek(0, 2) // 2)  # in the middle of the stretches
    assert catalog.stretches.get(ids[0]) == read.stretches[ids[0]]
    assert catalog.stretches.get(ids[-1]) is None
    assert 0 < len(list(catalog.stretches.values())) < len(ids)
    assert catalog.file_of("routine", "bedtime") is None  # the file map is past the cut
    assert SearchIndex.for_catalog(catalog).matching_ids(Query(text="calf"))  # rebuilt
