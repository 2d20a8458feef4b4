#!/bin/sh
# Regenerates the short, clipped and mumbled answers beside make-confirmations.sh's set: the one-word and two-word
# lines of sentences.tsv (and a few short OTHER lines) as callers say them in a hurry, named SLUG.VOICE-KIND.wav so
# that ConfirmationAccuracyIT reads them with the rest:
# - short:    espeak-ng at its default rate (175 words a minute): "yes" lasts about 0.6 s;
# - clipped:  the same with 60 ms cut from each end of the speech, as a line that opens late and closes early does;
# - mumbled:  the same 15 dB quieter, low-passed at 1.8 kHz and 10 % slower.
#
# Needs espeak-ng and sox (Debian: apt-get install espeak-ng sox). Run from anywhere: sh make-short-answers.sh
set -eu

cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -f ./*-short.wav ./*-clipped.wav ./*-mumbled.wav

slug() { echo "$1" | tr 'A-Z' 'a-z' | tr -d "'" | tr -cs 'a-z0-9' '-' | sed 's/^-//; s/-$//'; }
voices="en-us en-gb en-us+f4 en-gb-scotland en-us+m7"
n=0
for text in "yes" "yeah" "yep" "no" "nope" "correct" "that's right" "right" "no way" "operator" "hello, hello" "what did you say"; do
  grep -q "	$text\$" sentences.tsv || { echo "no line '$text' in sentences.tsv" >&2; exit 1; }
  v=$(echo "$voices" | cut -d' ' -f$(( n % 5 + 1 )))
  espeak-ng -v "$v" -w "$tmp/raw.wav" "$text"
  sox -R "$tmp/raw.wav" -r 8000 -c 1 -b 16 "$tmp/speech.wav" silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse
  sox -R "$tmp/speech.wav" "$(slug "$text").$v-short.wav" pad 0.4 0.4
  sox -R "$tmp/speech.wav" "$(slug "$text").$v-clipped.wav" trim 0.06 -0.06 pad 0.4 0.4
  sox -R "$tmp/speech.wav" "$(slug "$text").$v-mumbled.wav" gain -15 lowpass 1800 tempo 0.9 pad 0.4 0.4
  n=$(( n + 1 ))
done
