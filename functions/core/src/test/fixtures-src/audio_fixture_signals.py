#!/usr/bin/python3
"""Writes the source signals of the committed audio fixtures as WAV files.

The same definitions live in io.genreflow.audio.FixtureSignals (Java test code); the tests
regenerate the signals there and compare them with what the decoders return, so any change
here must be made there too.

Usage: audio_fixture_signals.py OUTDIR
"""
import math
import struct
import sys
import wave


def lcg_noise(count, amplitude):
    """Integer noise in [-amplitude, amplitude] from a 31-bit LCG seeded with 1."""
    state = 1
    out = []
    for _ in range(count):
        state = (state * 1103515245 + 12345) % (1 << 31)
        out.append((state >> 8) % (2 * amplitude + 1) - amplitude)
    return out


def flac16_stereo():
    """0.5 s at 44100 Hz: left a sawtooth, right integer noise (16-bit)."""
    n = 22050
    left = [(i * 97) % 40000 - 20000 for i in range(n)]
    right = lcg_noise(n, 2000)
    return 44100, 2, 16, [v for pair in zip(left, right) for v in pair]


def flac24_mono():
    """0.1 s at 48000 Hz: a steep 24-bit sawtooth."""
    return 48000, 1, 24, [(i * 104729) % 16000001 - 8000000 for i in range(4800)]


def burst(rate):
    """1.5 s: silence, a 1 kHz tone burst starting at 0.45 s, a 300->3000 Hz chirp, silence.

    Returned as doubles in [-1, 1]; the fixtures quantise with round(x * 32767).
    """
    n = int(1.5 * rate)
    onset = int(0.45 * rate)
    tone = int(0.25 * rate)
    chirp = int(0.5 * rate)
    out = [0.0] * n
    for i in range(tone):
        out[onset + i] = 0.5 * math.sin(2 * math.pi * 1000 * i / rate)
    start = onset + tone
    for i in range(chirp):
        t = i / rate
        phase = 2 * math.pi * (300 * t + 0.5 * (3000 - 300) / (chirp / rate) * t * t)
        out[start + i] = 0.4 * math.sin(phase)
    return out


def quantise(xs):
    return [int(round(x * 32767)) for x in xs]


def write(path, rate, channels, bits, samples):
    width = bits // 8
    with wave.open(path, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(b"".join(v.to_bytes(width, "little", signed=True) for v in samples))


def main(out):
    write(f"{out}/flac16-stereo.wav", *flac16_stereo())
    write(f"{out}/flac24-mono.wav", *flac24_mono())
    b44 = quantise(burst(44100))
    write(f"{out}/burst-44100-stereo.wav", 44100, 2, 16,
          [v for x in b44 for v in (x, int(round(x * 0.6)))])
    write(f"{out}/burst-44100-mono.wav", 44100, 1, 16, b44)
    write(f"{out}/burst-22050-mono.wav", 22050, 1, 16, quantise(burst(22050)))


if __name__ == "__main__":
    main(sys.argv[1])
