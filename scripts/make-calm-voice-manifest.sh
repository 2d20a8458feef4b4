#!/bin/sh
# Writes OUTDIR/manifest.tsv: a labeled manifest for `java -jar target/empathy-ivr.jar eval-frustration` of calm human
# speech on a telephone line, to count false alarms of the frustration detector's voice cues. The clips are Asterisk's
# English prompts (one speaker, Allison, recorded at 8 kHz), every one of at least 1.5 s, all labeled calm, one
# speaker: each is compared with the median of all of them, as a caller's turn is with their first.
#
# Needs the Debian package asterisk-core-sounds-en-wav:
#   apt-get install asterisk-core-sounds-en-wav
#   sh scripts/make-calm-voice-manifest.sh /tmp/calm-voice
#   printf 'frustration.words=0\n' > /tmp/voice-only.properties
#   OPENBLAS_NUM_THREADS=1 java -jar target/empathy-ivr.jar eval-frustration --config /tmp/voice-only.properties \
#     --wrong 10 /tmp/calm-voice/manifest.tsv
# With the words left out (frustration.words=0) only the voice is measured: the prompts say things a calm caller
# would not ("something is terribly wrong", "please try again"), and eval-frustration compares a clip's words with
# the speaker's usual, which on prompts is mostly courtesy.
#
# No audio is copied: OUTDIR/sounds links to the installed prompts. Environment: SOUNDS (default
# /usr/share/asterisk/sounds/en).
set -eu

[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
out=$1
sounds=${SOUNDS:-/usr/share/asterisk/sounds/en}
[ -d "$sounds" ] || { echo "$0: no prompts in $sounds (apt-get install asterisk-core-sounds-en-wav)" >&2; exit 1; }

mkdir -p "$out"
ln -sfn "$sounds" "$out/sounds"
# 8 kHz 16-bit mono: 16,000 bytes a second after a 44-byte header; 1.5 s is 24,044 bytes or more.
(cd "$out/sounds/" && find -L . -name '*.wav' -size +24043c | sed 's|^\./||' | LC_ALL=C sort) | awk '
  BEGIN { print "id\twav_path\tlabel\tspeaker" }
  { printf "%s\tsounds/%s\tcalm\tallison\n", $0, $0; n++ }
  END { printf "%d calm clips of at least 1.5 s\n", n > "/dev/stderr" }
' > "$out/manifest.tsv"
echo "wrote $out/manifest.tsv" >&2
