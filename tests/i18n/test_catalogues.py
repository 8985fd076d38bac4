"""The translation catalogues: templates up to date, Spanish complete, stale text never shown."""

import shutil
from pathlib import Path

import pytest

from guide.cli import translations
from guide.core import i18n

FOLDER = i18n.TRANSLATIONS


def test_committed_templates_match_the_code_and_content() -> None:
    """Run `stretch-guide i18n extract` and commit the result when this fails."""
    for domain, text in translations.templates().items():
        committed = (FOLDER / f"{domain}.pot").read_text(encoding="utf-8")
        assert committed == text, f"{domain}.pot is stale: run `stretch-guide i18n extract`"


def test_every_language_is_merged_with_the_templates_and_compiled() -> None:
    for lang in translations.languages():
        for domain in translations.DOMAINS:
            po = FOLDER / lang / f"{domain}.po"
            merged = translations.merge(po, FOLDER / f"{domain}.pot", lang)
            assert po.read_text(encoding="utf-8") == merged, f"{po} needs `i18n extract`"
            assert po.with_suffix(".mo").read_bytes() == translations.compiled(po, lang), (
                f"{po.with_suffix('.mo')} is stale: run `stretch-guide i18n compile`")


def test_spanish_has_nothing_untranslated_or_fuzzy() -> None:
    found = [st for st in translations.status() if st.lang == "es"]
    assert {st.domain for st in found} == {"messages", "content"}
    for st in found:
        assert st.untranslated == [], f"untranslated in es/{st.domain}.po: {st.untranslated}"
        assert st.fuzzy == [], f"fuzzy in es/{st.domain}.po: {st.fuzzy}"


def _copy_catalogues(tmp_path: Path) -> Path:
    folder = tmp_path / "translations"
    shutil.copytree(FOLDER, folder)
    return folder


def test_a_changed_english_text_makes_its_translation_fuzzy_and_shows_english(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _copy_catalogues(tmp_path)
    pot = folder / "content.pot"
    old = "Stretch to a mild pull, never to pain."
    new = "Stretch to a mild pull, and never to the point of pain."
    text = pot.read_text(encoding="utf-8")
    assert f'msgid "{old}"' in text
    pot.write_text(text.replace(f'msgid "{old}"', f'msgid "{new}"'), encoding="utf-8")
    po = folder / "es" / "content.po"
    po.write_text(translations.merge(po, pot, "es"), encoding="utf-8")
    translations.compile_all(folder)

    stale = next(st for st in translations.status(folder) if st.domain == "content")
    assert any(new in name for name in stale.fuzzy), stale.fuzzy
    monkeypatch.setattr(i18n, "TRANSLATIONS", folder)
    i18n.set_language("es")
    catalog = i18n.load_mo(folder / "es" / "content.mo")
    assert catalog.pgettext("routine:bedtime:tips[1]", new) == new  # English, not the old text
    assert catalog.pgettext("routine:bedtime:tips[1]", old) == old


def test_status_lists_exactly_the_untranslated_messages(tmp_path: Path) -> None:
    folder = _copy_catalogues(tmp_path)
    po = folder / "es" / "messages.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "Explorar"', 'msgstr ""'), encoding="utf-8")
    found = next(st for st in translations.status(folder) if st.domain == "messages")
    assert found.untranslated == ["[MainWindow] 'Browse'"]


def test_every_translation_keeps_its_placeholders() -> None:
    import re

    from babel.messages.pofile import read_po

    pattern = re.compile(r"\{[^{}]*\}|%\(\w+\)\w|%[sn1-9]|&")
    wrong = []
    for lang in translations.languages():
        for domain in translations.DOMAINS:
            with (FOLDER / lang / f"{domain}.po").open("rb") as fp:
                catalog = read_po(fp, locale=lang)
            for m in catalog:
                if not m.id or not m.string:
                    continue
                if isinstance(m.id, tuple):  # a plural form may say "one" instead of "{n}"
                    wanted = sorted(set(pattern.findall(m.id[1])) - {"{n}"})
                    found = [sorted(set(pattern.findall(s)) - {"{n}"}) for s in m.string]
                    if any(f != wanted for f in found):
                        wrong.append((lang, m.id, m.string))
                elif sorted(pattern.findall(m.id)) != sorted(pattern.findall(m.string)):
                    wrong.append((lang, m.id, m.string))
    assert wrong == []


def test_the_menu_entry_speaks_every_shipped_language() -> None:
    """The desktop entry is read by the desktop, not the app: its words are translated in it."""
    entry = (FOLDER.parents[1] / "media" / "io.github.stretchguide.StretchGuide.desktop")
    lines = entry.read_text(encoding="utf-8").splitlines()
    for lang in translations.languages():
        for key in ("GenericName", "Comment", "Keywords"):
            assert any(line.startswith(f"{key}[{lang}]=") for line in lines), (key, lang)
        names = [line for line in lines if line.startswith("Name=")]
        local = [line for line in lines if line.startswith(f"Name[{lang}]=")]
        assert len(local) == len(names) - 1, lang  # every action; the app's name stays
