"""Sound and voice cues: Qt's mock speech engine, a fake sound backend, and broken ones."""

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from guide.core.routine.plan import Segment, SegmentKind
from guide.core.routine.session import Event, EventKind
from guide.core.store.settings import Settings
from guide.ui.player.cues import CUE_NAMES, Cues, CueUnavailable, SoundFactory

HOLD = Segment(SegmentKind.HOLD, "calf", "Calf stretch", 30, side="left", rep=1, reps=2)


def event(kind: EventKind, segment: Segment = HOLD, count: int = 0) -> Event:
    return Event(kind, 1, segment, count)


class FakeSound:
    def __init__(self, name: str, log: list[str]) -> None:
        self.name, self.log, self.volume = name, log, -1.0

    def play(self) -> None:
        self.log.append(self.name)

    def setVolume(self, volume: float) -> None:  # Qt's name
        self.volume = volume


def fake_backend(log: list[str]) -> SoundFactory:
    return lambda path, _parent: FakeSound(path.stem, log)


def sounds_dir() -> Path:
    folder = Path(__file__).resolve().parents[3] / "media" / "sounds"
    assert {p.stem for p in folder.glob("*.wav")} >= set(CUE_NAMES)
    return folder


def words_of(qtbot: QtBot, cues: Cues, action: object) -> list[str]:
    """Run ``action`` and collect the words the speech engine says until it is done."""
    cues.prepare()
    speech = cues.speech
    assert speech is not None and speech.engine() == "mock"
    words: list[str] = []
    speech.sayingWord.connect(lambda word, *_: words.append(word))
    with qtbot.waitSignal(speech.stateChanged, timeout=5000,
                          check_params_cb=lambda state: state.name == "Ready"):
        action()  # type: ignore[operator]
    return words


def test_the_mock_engine_says_the_step_name_and_side(qtbot: QtBot) -> None:
    cues = Cues(Settings(), sounds_dir(), sound_factory=lambda: fake_backend([]))
    words = words_of(qtbot, cues, lambda: cues.handle(event(EventKind.SEGMENT_START),
                                                      "Left leg"))
    assert words == ["Calf", "stretch", "Left", "leg"]


def test_voice_counts_switches_and_finishes(qtbot: QtBot) -> None:
    cues = Cues(Settings(), sounds_dir(), sound_factory=lambda: fake_backend([]))
    spoken: list[str] = []
    cues.spoken.connect(spoken.append)
    cues.prepare()
    for n in (3, 2, 1):
        cues.handle(event(EventKind.COUNTDOWN, count=n))
    cues.handle(event(EventKind.SIDE_SWITCH))
    cues.handle(event(EventKind.FINISH))
    assert spoken == ["3", "2", "1", "Switch sides", "Well done"]
    assert words_of(qtbot, cues, lambda: cues.say("3, 2, 1")) == ["3", "2", "1"]


def test_voice_settings_are_applied(qtbot: QtBot) -> None:
    cues = Cues(Settings(voice_name="Anne", voice_rate=0.5, volume=0.3), sounds_dir(),
                sound_factory=lambda: fake_backend([]))
    cues.prepare()
    assert cues.speech is not None
    assert cues.speech.voice().name() == "Anne"
    assert cues.speech.rate() == pytest.approx(0.5)
    assert cues.speech.volume() == pytest.approx(0.3)


def test_each_cue_plays_its_sound(qtbot: QtBot) -> None:
    log: list[str] = []
    cues = Cues(Settings(voice=False), sounds_dir(), sound_factory=lambda: fake_backend(log))
    cues.handle(event(EventKind.SEGMENT_START))
    cues.handle(event(EventKind.HALFWAY))
    cues.handle(event(EventKind.COUNTDOWN, count=3))  # no voice: a tick instead
    cues.handle(event(EventKind.SIDE_SWITCH))
    cues.handle(event(EventKind.FINISH))
    assert log == ["start", "halfway", "tick", "switch", "finish"]
    assert cues.speech is None  # voice off: the speech module is never loaded


def test_with_sound_and_voice_off_nothing_plays(qtbot: QtBot) -> None:
    log: list[str] = []
    cues = Cues(Settings(sound=False, voice=False), sounds_dir(),
                sound_factory=lambda: fake_backend(log))
    spoken: list[str] = []
    cues.spoken.connect(spoken.append)
    for kind in EventKind:
        cues.handle(event(kind, count=2))
    assert log == [] and spoken == []
    assert cues.status == ""


def test_mute_silences_both_until_unmuted(qtbot: QtBot) -> None:
    log: list[str] = []
    cues = Cues(Settings(), sounds_dir(), sound_factory=lambda: fake_backend(log))
    spoken: list[str] = []
    cues.spoken.connect(spoken.append)
    assert cues.toggle_mute()
    cues.handle(event(EventKind.SEGMENT_START))
    assert log == [] and spoken == []
    assert "Muted" in cues.status
    assert not cues.toggle_mute()
    cues.handle(event(EventKind.SEGMENT_START))
    assert log == ["start"] and spoken == ["Calf stretch"]


@pytest.mark.parametrize("error", [CueUnavailable("no audio device"), RuntimeError("boom"),
                                   ImportError("libpulse.so.0")])
def test_a_broken_audio_backend_falls_back_to_visual_cues(qtbot: QtBot,
                                                          error: Exception) -> None:
    def broken() -> SoundFactory:
        raise error

    cues = Cues(Settings(), sounds_dir(), sound_factory=broken)
    statuses: list[str] = []
    cues.status_changed.connect(statuses.append)
    spoken: list[str] = []
    cues.spoken.connect(spoken.append)
    cues.handle(event(EventKind.SEGMENT_START))
    cues.handle(event(EventKind.HALFWAY))
    assert "Sound unavailable" in cues.status and "visual cues only" in cues.status
    assert statuses and statuses[-1] == cues.status
    assert spoken == ["Calf stretch"]  # the voice still works


def test_the_real_backend_without_an_audio_device_does_not_raise(qtbot: QtBot) -> None:
    cues = Cues(Settings(voice=False), sounds_dir())
    cues.handle(event(EventKind.SEGMENT_START))
    cues.handle(event(EventKind.FINISH))
    # Offscreen CI has no audio device; on a desktop the sounds simply play.
    assert cues.status == "" or "Sound unavailable" in cues.status


def test_no_speech_engine_falls_back_without_error(qtbot: QtBot,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRETCH_GUIDE_TTS_ENGINE", "no-such-engine")
    cues = Cues(Settings(sound=False), sounds_dir())
    spoken: list[str] = []
    cues.spoken.connect(spoken.append)
    cues.handle(event(EventKind.SEGMENT_START))
    cues.handle(event(EventKind.COUNTDOWN, count=3))
    assert spoken == []
    assert "Voice unavailable" in cues.status
