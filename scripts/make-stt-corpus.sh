#!/bin/sh
# Writes OUTDIR/MANIFEST.tsv, the speech corpus `java -jar target/empathy-ivr.jar eval-stt` measures: Asterisk's
# English prompts, about 500 utterances a human recorded at 8 kHz, with the transcripts Debian ships beside them.
#
# Needs the Debian packages asterisk-core-sounds-en-wav (the audio) and asterisk-core-sounds-en (the transcripts):
#   apt-get install asterisk-core-sounds-en-wav asterisk-core-sounds-en
#   sh scripts/make-stt-corpus.sh /tmp/stt-corpus
#
# No audio is copied: OUTDIR/sounds links to the installed prompts and the manifest's paths go through it.
# Every prompt with a transcript and a WAV is in, except:
# - silence/*, and the beeps and tones whose transcript is only a [bracketed description]: there are no words;
# - letters/*: a letter or symbol said alone ("b", "tilde", "dot [.]") has no spelling both sides can agree on, and
#   spelling is not what callers do when they describe a problem. digits/* (numbers, days, months) and phonetic/*
#   (alpha, bravo) are words and stay in.
# Bracketed notes inside a transcript ("dot [.]") are dropped; the text is otherwise as Debian ships it, and eval-stt
# normalises it.
#
# Environment: SOUNDS (default /usr/share/asterisk/sounds/en), TRANSCRIPTS (default: found with dpkg -L).
set -eu

[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
out=$1
sounds=${SOUNDS:-/usr/share/asterisk/sounds/en}
transcripts=${TRANSCRIPTS:-$(dpkg -L asterisk-core-sounds-en 2>/dev/null | grep '/core-sounds-en\.txt\(\.gz\)\?$' | head -n 1)}

[ -d "$sounds" ] || { echo "$0: no prompts in $sounds (apt-get install asterisk-core-sounds-en-wav)" >&2; exit 1; }
[ -n "$transcripts" ] && [ -f "$transcripts" ] || {
  echo "$0: no core-sounds-en.txt (apt-get install asterisk-core-sounds-en, or set TRANSCRIPTS)" >&2; exit 1; }

mkdir -p "$out"
ln -sfn "$sounds" "$out/sounds"

case $transcripts in
  *.gz) read_transcripts() { gzip -dc "$transcripts"; } ;;
  *) read_transcripts() { cat "$transcripts"; } ;;
esac

read_transcripts | tr -d '\r' | awk -v sounds="$sounds" '
  /^;/ || !/:/ { next }
  {
    name = substr($0, 1, index($0, ":") - 1)
    text = substr($0, index($0, ":") + 1)
    if (name ~ /^(silence|letters)\//) next
    gsub(/\[[^]]*\]/, " ", text)
    gsub(/[ \t]+/, " ", text)
    sub(/^ /, "", text); sub(/ $/, "", text)
    if (text == "" || seen[name]++) next
    wav = sounds "/" name ".wav"
    if ((getline line < wav) < 0) { missing++; next }
    close(wav)
    printf "sounds/%s.wav\t%s\n", name, text
    kept++
  }
  END { printf "%d utterances; %d transcripts without a WAV left out\n", kept, missing > "/dev/stderr" }
' > "$out/MANIFEST.tsv"
echo "wrote $out/MANIFEST.tsv" >&2
