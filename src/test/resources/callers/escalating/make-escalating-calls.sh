#!/bin/sh
# Regenerates the callers of EscalatingCallsIT: for each of six espeak-ng voices, a caller who gets angrier turn by
# turn and a calm one, 8 kHz mono 16-bit as Asterisk records a telephone caller.
#
# Angry (angry-VOICE-N.wav): a calm description; "no, that's not right" 3 dB louder; then 12 dB louder than the first
# turn, 2.5 semitones higher and faster, with angrier words (some samples clip, as a shout does).
# Calm (calm-VOICE-N.wav): a description, a correction and a yes, all at the first turn's level and pace.
#
# Needs espeak-ng and sox (Debian: apt-get install espeak-ng sox); sox -R keeps the bytes the same on every run.
set -eu

cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

say() { # file voice words-per-minute gain-dB pitch-cents text
  espeak-ng -v "$2" -s "$3" -w "$tmp/raw.wav" "$6"
  sox -R "$tmp/raw.wav" -r 8000 -c 1 -b 16 "$tmp/padded.wav" pad 0.4 0.4
  sox -R "$tmp/padded.wav" "$1" gain "$4" pitch "$5" 2>/dev/null
}

for voice in en-us+m3 en-us+f3 en-gb en-us+m1 en-gb-x-rp en-us+f2; do
  say "angry-$voice-1.wav" "$voice" 150 -6 0 "my internet keeps dropping every evening"
  say "angry-$voice-2.wav" "$voice" 150 -3 0 "no, that's not right"
  say "angry-$voice-3.wav" "$voice" 180 6 250 "this is the third time I'm calling and it's still not fixed"
  say "calm-$voice-1.wav" "$voice" 150 -6 0 "I was charged twice for my bill this month"
  say "calm-$voice-2.wav" "$voice" 150 -6 0 "no, it was last month's bill"
  say "calm-$voice-3.wav" "$voice" 150 -6 0 "yes, that's right"
done
