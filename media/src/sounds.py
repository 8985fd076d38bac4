"""Synthesise the player's cue sounds: soft sine chimes, 16-bit mono 44.1 kHz WAV.

Run from the repository root: ``python media/src/sounds.py`` writes ``media/sounds/*.wav``.
Pure standard library, deterministic: the same script always writes the same bytes.
"""

import math
import struct
import wave
from pathlib import Path

RATE = 44100
OUT = Path(__file__).resolve().parents[1] / "sounds"

# Each note: (start seconds, frequency Hz, length seconds, loudness 0..1)
Note = tuple[float, float, float, float]

C5, E5, G5, A5, C6, E6 = 523.25, 659.26, 783.99, 880.00, 1046.50, 1318.51

CUES: dict[str, list[Note]] = {
    # Two rising notes: begin holding.
    "start": [(0.0, G5, 0.45, 0.55), (0.12, C6, 0.55, 0.5)],
    # One soft mid bell.
    "halfway": [(0.0, E5, 0.5, 0.45)],
    # A very short high blip for 3, 2, 1.
    "tick": [(0.0, A5, 0.12, 0.4)],
    # Down then up: change sides.
    "switch": [(0.0, C6, 0.3, 0.45), (0.16, G5, 0.3, 0.45), (0.32, C6, 0.4, 0.45)],
    # A rising major arpeggio that rings out: well done.
    "finish": [(0.0, C5, 0.8, 0.4), (0.12, E5, 0.75, 0.4), (0.24, G5, 0.7, 0.4),
               (0.36, C6, 0.6, 0.45)],
}


def chime(t: float, freq: float, length: float) -> float:
    """A bell-like tone: fundamental plus a quiet octave, quick attack, exponential decay."""
    if t < 0 or t >= length:
        return 0.0
    attack = min(1.0, t / 0.008)
    release = min(1.0, (length - t) / 0.03)  # fade the tail to zero: no click
    decay = math.exp(-5.0 * t / length)
    tone = math.sin(2 * math.pi * freq * t) + 0.25 * math.sin(2 * math.pi * 2 * freq * t)
    return attack * release * decay * tone / 1.25


def render(notes: list[Note]) -> bytes:
    duration = max(start + length for start, _, length, _ in notes)
    frames = bytearray()
    for i in range(int(duration * RATE)):
        t = i / RATE
        value = sum(gain * chime(t - start, freq, length) for start, freq, length, gain in notes)
        value = max(-1.0, min(1.0, value))
        frames += struct.pack("<h", int(value * 32767 * 0.9))
    return bytes(frames)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, notes in CUES.items():
        with wave.open(str(OUT / f"{name}.wav"), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(render(notes))


if __name__ == "__main__":
    main()
