"""With LANG=es_ES.UTF-8 the command line and the content speak Spanish; packs carry their own."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from guide.cli import main
from guide.core import i18n
from guide.core.content.cache import load_catalog
from guide.core.content.catalog import builtin_source, read_catalog, user_source
from guide.core.content.sides import side_phrase
from guide.ui.library.stretch_model import IdRole

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def spanish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    i18n.set_language(None)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_the_desktop_language_decides_and_unknown_ones_fall_back_to_english(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert i18n.set_language(None) == "es"
    monkeypatch.setenv("LANGUAGE", "de:es")
    assert i18n.set_language(None) == "es"
    monkeypatch.setenv("LANGUAGE", "")
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert i18n.set_language(None) == "en"
    assert i18n.set_language("es") == "es"  # the choice in Settings wins


def test_help_is_in_spanish(spanish: None) -> None:
    result = subprocess.run([sys.executable, "-m", "guide", "--help"], capture_output=True,
                            text=True, env={**os.environ, "LANG": "es_ES.UTF-8"}, check=True)
    assert result.stdout.startswith("uso: stretch-guide")
    assert "opciones:" in result.stdout
    assert "muestra esta ayuda y sale" in result.stdout
    assert "show" not in result.stdout.lower().replace("stretch-guide", "")


def test_list_routines_and_plan_bedtime_are_in_spanish(
        spanish: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "list", "routines")
    assert code == 0
    assert out.splitlines()[0].split() == ["ID", "NOMBRE", "TIPO", "DURACIÓN"]
    assert "Estiramientos antes de dormir contra calambres nocturnos" in out
    assert "antes de dormir" in out.splitlines()[2]
    code, out = run(capsys, "plan", "bedtime")
    assert code == 0
    assert "Pantorrilla en la pared, rodilla estirada" in out
    assert "Relájate" in out and "Cambia de lado" in out
    assert "Total: 3 min 45 s" in out


def test_a_spanish_everyday_word_finds_the_calf_stretches(
        spanish: None, capsys: pytest.CaptureFixture[str]) -> None:
    for word in ("gemelo", "pantorrilla", "calambre"):
        code, out = run(capsys, "list", "exercises", "--muscle", word)
        assert code == 0, word
        assert "calf-wall-straight" in out and "calf-towel" in out
    code, out = run(capsys, "list", "exercises", "--muscle", "isquiotibiales")
    assert "hamstring-standing" in out
    for word in ("cuádriceps", "cuadriceps", "soleo"):  # accents optional
        code, out = run(capsys, "list", "exercises", "--muscle", word)
        assert code == 0, word
    assert "calf-wall-bent" in out


def test_plural_forms_follow_the_number(spanish: None) -> None:
    one = i18n.ntr("{n} problem found", "{n} problems found", 1).format(n=1)
    many = i18n.ntr("{n} problem found", "{n} problems found", 3).format(n=3)
    assert (one, many) == ("1 problema encontrado", "3 problemas encontrados")


def test_sides_are_whole_phrases_in_each_language(spanish: None) -> None:
    assert side_phrase("leg", "left") == "Pierna izquierda"
    assert side_phrase("arm", "now-right") == "Ahora el brazo derecho"
    assert side_phrase("elbow", "left") == "Lado izquierdo"  # an unknown word: never glued
    i18n.set_language("en")
    assert side_phrase("elbow", "left") == "Left elbow"


def test_a_missing_content_translation_falls_back_to_english(
        spanish: None, user_exercises: Path) -> None:
    (user_exercises / "stretches" / "mine.yaml").write_text(
        "id: mine\nname: My own stretch\nsummary: Mine.\nmuscles: {primary: [gastrocnemius]}\n"
        "position: [standing]\nsteps: [{text: Do it.}]\n"
        "sources: [{title: t, publisher: p, url: https://example.org}]\n", encoding="utf-8")
    catalog = load_catalog()
    assert catalog.stretches["mine"].name == "My own stretch"
    assert catalog.stretches["calf-towel"].steps[0].text == (
        "Siéntate con las piernas estiradas delante de ti.")


def _pack(user_exercises: Path, po: str) -> Path:
    (user_exercises / "stretches" / "mine.yaml").write_text(
        "id: mine\nname: Doorway stretch\nsummary: For the chest.\n"
        "muscles: {primary: [pectoralis_major]}\nposition: [standing]\n"
        "steps: [{text: Stand in a doorway.}, {text: Lean in.}]\n"
        "sources: [{title: t, publisher: p, url: https://example.org}]\n", encoding="utf-8")
    (user_exercises / "locale").mkdir()
    path = user_exercises / "locale" / "es.po"
    path.write_text(po, encoding="utf-8")
    return path


def test_a_users_pack_carries_its_own_spanish(spanish: None, user_exercises: Path) -> None:
    _pack(user_exercises, 'msgctxt "stretch:mine:name"\nmsgid "Doorway stretch"\n'
                          'msgstr "Estiramiento en el marco de la puerta"\n\n'
                          '#, fuzzy\nmsgctxt "stretch:mine:steps[1]"\nmsgid "Lean in."\n'
                          'msgstr "Algo viejo."\n')
    catalog = load_catalog()
    assert catalog.stretches["mine"].name == "Estiramiento en el marco de la puerta"
    assert catalog.stretches["mine"].steps[1].text == "Lean in."  # fuzzy: English


def test_validate_checks_a_packs_translations_with_file_and_line(user_exercises: Path) -> None:
    path = _pack(user_exercises, (
        'msgctxt "stretch:mine:name"\nmsgid "Doorway stretch"\nmsgstr "Marco de la puerta"\n\n'
        'msgctxt "stretch:mine:steps[5]"\nmsgid "Lean in."\nmsgstr "Inclínate."\n\n'
        'msgctxt "stretch:mine:steps[0]"\nmsgid "Stand in a doorway!"\nmsgstr "Ponte."\n\n'
        'msgctxt "stretch:mine:summary"\nmsgid "For the chest."\nmsgstr "Para el {pecho}."\n'))
    problems = [p for p in read_catalog([builtin_source(), user_source()]).problems
                if p.path == str(path)]
    assert [(p.line, p.key) for p in problems] == [
        (5, "stretch:mine:steps[5]"), (9, "stretch:mine:steps[0]"), (13, "stretch:mine:summary")]
    assert "list index" in problems[0].message
    assert "English text has changed" in problems[1].message
    assert "placeholders" in problems[2].message


@pytest.mark.parametrize(("words", "muscle"), [("calambre", "gastrocnemius"),
                                               ("gemelo", "gastrocnemius"),
                                               ("isquios", "hamstrings"),
                                               ("cuádriceps", "quadriceps"),
                                               ("sOleo", "soleus")])
def test_browse_search_knows_spanish_everyday_words(
        qtbot: QtBot, spanish: None, words: str, muscle: str) -> None:
    from guide.ui.library.view import LibraryView

    catalog = load_catalog()
    library = LibraryView(catalog)
    qtbot.addWidget(library)
    library.show()
    library.search.setText(words)  # QTest.keyClicks aborts on "á"
    shown = {library.proxy.index(row, 0).data(IdRole) for row in range(library.proxy.rowCount())}
    assert {s.id for s in catalog.stretches_for_muscle(muscle)} <= shown
    assert catalog.muscles[muscle].name in library.meaning.text()


def test_a_pack_author_gets_a_template_of_their_own_texts(
        capsys: pytest.CaptureFixture[str], user_exercises: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _pack(user_exercises, "")
    assert main(["i18n", "template"]) == 0
    text = capsys.readouterr().out
    assert 'msgctxt "stretch:mine:steps[1]"\nmsgid "Lean in."\nmsgstr ""' in text
    assert "calf-wall-straight" not in text  # only the pack's own texts
    # Filled in and saved as locale/es.po, it checks clean and the app shows it.
    filled = text.replace('msgid "Doorway stretch"\nmsgstr ""',
                          'msgid "Doorway stretch"\nmsgstr "En el marco de la puerta"')
    (user_exercises / "locale" / "es.po").write_text(filled, encoding="utf-8")
    assert main(["validate"]) == 0
    capsys.readouterr()
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    i18n.set_language(None)
    assert load_catalog().stretches["mine"].name == "En el marco de la puerta"


def test_homes_stored_summary_is_used_only_in_its_own_language(spanish: None) -> None:
    from guide.core.routine.summary import load_summary, load_with_summary

    load_with_summary()  # stores Home's summary, in Spanish
    stored = load_summary()
    assert stored is not None
    assert "Estiramientos antes de dormir contra calambres nocturnos" in {
        r.name for r in stored.routines}
    i18n.set_language("en")
    assert load_summary() is None  # not Spanish names on an English Home
