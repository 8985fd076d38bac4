"""Sound and voice cues for the player: short chimes (QtMultimedia) and speech (QtTextToSpeech).

Both modules are imported lazily, on first use: they need libpulse and pull in FFmpeg, and a
machine without an audio device or a speech engine must still run every routine with visual
cues only. Any failure here turns the channel off and sets :attr:`Cues.status`; nothing raises.
"""

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QUrl, Signal

from guide.core import i18n
from guide.core.routine.plan import SegmentKind
from guide.core.routine.session import Event, EventKind
from guide.core.store import paths
from guide.core.store.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

CUE_NAMES = ("start", "halfway", "tick", "switch", "finish")
ENGINE_VARIABLE = "STRETCH_GUIDE_TTS_ENGINE"


class SoundLike(Protocol):
    def play(self) -> None: ...
    def setVolume(self, volume: float) -> None: ...  # Qt naming


SoundFactory = Callable[[Path, QObject], SoundLike]


class CueUnavailable(Exception):
    """A cue channel cannot work here; the message says why, for the status line."""


def qt_sound_factory() -> SoundFactory:
    """QSoundEffect per file; raises CueUnavailable when there is nothing to play on."""
    try:
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
    except ImportError as exc:
        raise CueUnavailable(str(exc)) from exc
    if not QMediaDevices.audioOutputs():
        raise CueUnavailable(QCoreApplication.translate("Cues", "no audio device"))

    def make(path: Path, parent: QObject) -> SoundLike:
        effect = QSoundEffect(parent)
        effect.setSource(QUrl.fromLocalFile(str(path)))
        return effect

    return make


class Cues(QObject):
    """Plays the cue for each session event, within what the settings and the machine allow."""

    played = Signal(str)  # the cue name handed to a sound effect
    spoken = Signal(str)  # the text handed to the speech engine
    status_changed = Signal(str)

    def __init__(self, settings: Settings, sounds_dir: Path | None = None,
                 parent: QObject | None = None, *,
                 sound_factory: Callable[[], SoundFactory] = qt_sound_factory) -> None:
        super().__init__(parent)
        self._settings = settings
        self._sounds_dir = sounds_dir or paths.builtin_media() / "sounds"
        self._sound_factory = sound_factory
        self._sounds: dict[str, SoundLike] | None = None
        self._speech: QTextToSpeech | None = None
        self._sound_problem = ""
        self._voice_problem = ""
        self._muted = False
        self._last_said: tuple[str | None, str | None] = (None, None)

    # -- state ------------------------------------------------------------------------------

    @property
    def muted(self) -> bool:
        return self._muted

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if muted:
            self.stop_speaking()
        self.status_changed.emit(self.status)

    def toggle_mute(self) -> bool:
        self.set_muted(not self._muted)
        return self._muted

    @property
    def speech(self) -> "QTextToSpeech | None":
        """The speech engine once loaded (tests listen to its ``sayingWord``)."""
        return self._speech

    @property
    def sound_on(self) -> bool:
        return self._settings.sound and not self._muted and not self._sound_problem

    @property
    def voice_on(self) -> bool:
        return self._settings.voice and not self._muted and not self._voice_problem

    @property
    def status(self) -> str:
        """One line for the player: what is on, and why a channel is not."""
        if self._muted:
            return self.tr("Muted: visual cues only")
        sound = self._sound_problem if self._settings.sound else None
        voice = self._voice_problem if self._settings.voice else None
        if sound and voice:
            return self.tr("Sound unavailable ({sound}); voice unavailable ({voice}): visual "
                           "cues only").format(sound=sound, voice=voice)
        if sound:
            return self.tr("Sound unavailable ({reason}): visual cues only").format(reason=sound)
        if voice:
            return self.tr("Voice unavailable ({reason}): visual cues only").format(reason=voice)
        return ""

    def apply_settings(self, settings: Settings) -> None:
        self._settings = settings
        for sound in (self._sounds or {}).values():
            sound.setVolume(settings.volume)
        if self._speech is not None:
            self._configure_speech()

    # -- cues -------------------------------------------------------------------------------

    def prepare(self) -> None:
        """Load what the settings ask for now, so the first cue is not late."""
        if self._settings.sound:
            self._ensure_sounds()
        if self._settings.voice:
            self._ensure_speech()

    def handle(self, event: Event, side_text: str = "") -> None:
        segment = event.segment
        kind = event.kind
        if kind is EventKind.SEGMENT_START:
            if segment.kind in (SegmentKind.HOLD, SegmentKind.ACTION):
                self.play("start")
                key = (segment.exercise, segment.side)
                if key != self._last_said or (segment.rep or 1) == 1:
                    self.say(", ".join(t for t in (segment.name, side_text) if t))
                else:
                    self.say(self.tr("Again"))
                self._last_said = key
            elif segment.kind is SegmentKind.PREPARE:
                self.say(self.tr("Get ready: {name}").format(name=segment.name))
            elif segment.kind is SegmentKind.REST and segment.seconds >= 3:
                self.say(self.tr("Relax"))
        elif kind is EventKind.SIDE_SWITCH:
            self.play("switch")
            self.say(self.tr("Switch sides"))
        elif kind is EventKind.HALFWAY:
            self.play("halfway")
        elif kind is EventKind.COUNTDOWN:
            if self.voice_on and self._ensure_speech():
                self.say(str(event.count))
            else:
                self.play("tick")
        elif kind is EventKind.FINISH:
            self.play("finish")
            self.say(self.tr("Well done"))
        elif kind in (EventKind.STOPPED, EventKind.PAUSED, EventKind.SLEPT):
            self.stop_speaking()

    def play(self, name: str) -> None:
        if not self.sound_on:
            return
        sounds = self._ensure_sounds()
        sound = sounds.get(name) if sounds else None
        if sound is None:
            return
        sound.play()
        self.played.emit(name)

    def say(self, text: str) -> None:
        if not self.voice_on or not text:
            return
        speech = self._ensure_speech()
        if speech is None:
            return
        speech.say(text)  # interrupts what is being said: the newest cue matters most
        self.spoken.emit(text)

    def stop_speaking(self) -> None:
        if self._speech is not None:
            self._speech.stop()

    # -- loading ----------------------------------------------------------------------------

    def _ensure_sounds(self) -> dict[str, SoundLike] | None:
        if self._sounds is not None or self._sound_problem:
            return self._sounds
        try:
            make = self._sound_factory()
            sounds = {}
            for name in CUE_NAMES:
                path = self._sounds_dir / f"{name}.wav"
                if path.is_file():
                    sounds[name] = make(path, self)
                    sounds[name].setVolume(self._settings.volume)
                    self._watch(sounds[name])
        except CueUnavailable as exc:
            self._fail_sound(str(exc))
            return None
        except Exception as exc:  # a broken backend must not stop the routine
            self._fail_sound(f"{type(exc).__name__}: {exc}")
            return None
        self._sounds = sounds
        return sounds

    def _watch(self, sound: SoundLike) -> None:
        status_changed = getattr(sound, "statusChanged", None)
        if status_changed is None:
            return

        def check() -> None:
            status = sound.status()  # type: ignore[attr-defined]
            if status.name == "Error":
                self._fail_sound(self.tr("the audio device refused the sound"))

        status_changed.connect(check)

    def _fail_sound(self, reason: str) -> None:
        if not self._sound_problem:
            self._sound_problem = reason or self.tr("unknown error")
            self.status_changed.emit(self.status)

    def _ensure_speech(self) -> "QTextToSpeech | None":
        if self._speech is not None or self._voice_problem:
            return self._speech
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as exc:
            self._fail_voice(str(exc))
            return None
        engine = os.environ.get(ENGINE_VARIABLE, "")
        speech = QTextToSpeech(engine, self) if engine else QTextToSpeech(self)
        if speech.state() == QTextToSpeech.State.Error:
            # Qt's own words ("engine not initialized") mean nothing to a user.
            self._fail_voice(self.tr("no speech engine running"))
            speech.deleteLater()
            return None
        speech.errorOccurred.connect(lambda _reason, message: self._fail_voice(message))
        self._speech = speech
        self._configure_speech()
        return speech

    def _configure_speech(self) -> None:
        speech = self._speech
        if speech is None:
            return
        settings = self._settings
        # The voice speaks the language the steps are written in.
        locale = voice_locale(speech.availableLocales(), i18n.language())
        if locale is not None and speech.locale() != locale:
            speech.setLocale(locale)
        if settings.voice_name:
            for voice in speech.availableVoices():
                if voice.name() == settings.voice_name:
                    speech.setVoice(voice)
                    break
        speech.setRate(max(-1.0, min(1.0, settings.voice_rate)))
        speech.setVolume(max(0.0, min(1.0, settings.volume)))

    def _fail_voice(self, reason: str) -> None:
        if not self._voice_problem:
            self._voice_problem = reason or self.tr("unknown error")
            self._speech = None
            self.status_changed.emit(self.status)


def voice_locale(available: list[QLocale], language: str) -> QLocale | None:
    """The engine's locale for ``language`` ('es'), the desktop's country first; else None."""
    matching = [loc for loc in available if loc.name().split("_")[0] == language]
    system = QLocale.system().name()
    matching.sort(key=lambda loc: loc.name() != system)
    return matching[0] if matching else None


def voice_names(engine: str | None = None) -> list[str]:
    """Voices the speech engine offers, for the Settings page; empty when there is none."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return []
    engine = engine if engine is not None else os.environ.get(ENGINE_VARIABLE, "")
    speech = QTextToSpeech(engine) if engine else QTextToSpeech()
    try:
        if speech.state() == QTextToSpeech.State.Error:
            return []
        return [voice.name() for voice in speech.availableVoices()]
    finally:
        speech.deleteLater()
