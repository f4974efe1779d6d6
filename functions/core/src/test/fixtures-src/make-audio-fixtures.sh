#!/bin/sh
# Regenerates the compressed audio fixtures under src/test/resources/audio/.
# Needs Debian packages: python3 flac lame vorbis-tools (apt-get install -y flac lame vorbis-tools).
# The source signals are defined in audio_fixture_signals.py (mirrored by FixtureSignals.java).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/audio"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 "$here/audio_fixture_signals.py" "$work"
mkdir -p "$out"

flac --silent --force --best -o "$out/sawtooth-noise-16bit-stereo-44100.flac" "$work/flac16-stereo.wav"
flac --silent --force --best -o "$out/sawtooth-24bit-mono-48000.flac" "$work/flac24-mono.wav"

# LAME writes an Info/Xing frame with the LAME tag (encoder delay and padding) unless -t is given.
lame --silent -b 128 --add-id3v2 --tt "genreflow fixture" \
    "$work/burst-44100-stereo.wav" "$out/burst-lame-cbr128-stereo-44100.mp3"
lame --silent -V 4 "$work/burst-22050-mono.wav" "$out/burst-lame-vbr-mono-22050.mp3"
lame --silent -t -b 96 "$work/burst-44100-mono.wav" "$out/burst-no-tag-mono-44100.mp3"

oggenc --quiet -q 4 --serial 1 -o "$out/burst-stereo-44100.ogg" "$work/burst-44100-stereo.wav"
