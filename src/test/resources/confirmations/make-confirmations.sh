#!/bin/sh
# Regenerates the espeak-ng half of the confirmation set in this directory: every line of sentences.tsv spoken by two
# of five espeak-ng voices, as 8 kHz mono 16-bit WAVs named SLUG.VOICE.wav (SLUG: the words in lower case, letters
# and digits only, joined by "-"). ConfirmationAccuracyIT speaks the same lines with FreeTTS itself, at test time.
#
# Needs espeak-ng and sox (Debian: apt-get install espeak-ng sox). Run from anywhere: sh make-confirmations.sh
#
# As in ../callers/make-callers.sh: 0.4 s of silence each side, no telephone band-pass, sox -R for repeatable bytes.
# The voices take turns so that each line is heard in a male and a female or a US and a British voice, at 130 or
# 160 words a minute.
set -eu

cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -f ./*.wav

voices="en-us en-gb+f3 en-us+m3 en-gb-x-rp en-us+f3"
voice() { echo "$voices" | cut -d' ' -f$(( $1 % 5 + 1 )); }
slug() { echo "$1" | tr 'A-Z' 'a-z' | tr -d "'" | tr -cs 'a-z0-9' '-' | sed 's/^-//; s/-$//'; }

tab=$(printf '\t')
n=0
grep -v '^#' sentences.tsv | while IFS="$tab" read -r meaning text keep; do
  for v in "$(voice "$n")" "$(voice $(( n + 2 )))"; do
    espeak-ng -v "$v" -s $(( n % 2 == 0 ? 130 : 160 )) -w "$tmp/raw.wav" "$text"
    sox -R "$tmp/raw.wav" -r 8000 -c 1 -b 16 "$(slug "$text").$v.wav" pad 0.4 0.4
  done
  n=$(( n + 1 ))
done
