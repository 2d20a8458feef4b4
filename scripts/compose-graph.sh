#!/bin/bash
# Composes a Vosk "lookahead" model's decoding graph once, ahead of time, into MODEL/composed/: a model directory of
# its own (am/, conf/, ivector/ copied, graph/HCLG.fst and graph/words.txt made) that free speech is decoded with.
#
# The small model ships its graph in two parts, graph/HCLr.fst (acoustics, context, lexicon) and graph/Gr.fst (the
# language model), and each Vosk recognizer composes them on the fly as it decodes: the part it has walked is kept
# per recognizer, so a new one decodes at a far higher CPU cost than one that has heard a minute of speech, and each
# grows with the speech it has heard. Composed once, the graph is shared by every recognizer and needs no walking
# (docs/recognition.md has the figures). Vosk cannot restrict a composed graph to a grammar, so the yes/no and name
# recognizers still use MODEL itself; the service loads both (VoskSpeechToText).
#
# The build runs it on the bundled model (pom.xml). It needs OpenFst's tools and plugins, Debian's
#   apt-get install libfst-tools libfst22-plugins-base
# (docs/recognition.md says how long it takes and how much memory). Without them it says so and exits 0: the service then decodes with the
# graph composed on the fly, as Vosk does by default. Run it by hand on another lookahead model:
#   bash scripts/compose-graph.sh /opt/empathy-ivr/vosk-model-en-us
#
# MODEL/composed/FROM lists the files it was made from (copied or composed) with their SHA-256, as sha256sum prints
# them; the service ignores (and logs) a composed graph whose FROM no longer matches MODEL, so an edited
# conf/model.conf or a replaced model is never decoded with the old copy. Already composed and matching: nothing is
# done.
# Exit status: 0 when composed, already composed, or the tools are missing; 1 when composing failed (nothing is left
# half made); 2 for a usage error.
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 MODEL_DIR" >&2; exit 2; }
model=${1%/}
graph="$model/graph"
out="$model/composed"

for f in am/final.mdl conf/mfcc.conf graph/HCLr.fst graph/Gr.fst graph/disambig_tid.int; do
  if [ ! -f "$model/$f" ]; then
    echo "compose-graph: $model is not a Vosk lookahead model (no $f): nothing to compose"
    exit 0
  fi
done

# What the composed graph is made from: the service compares this with the model it loads.
from() {
  (cd "$model" && find am conf ivector graph/phones graph/HCLr.fst graph/Gr.fst graph/disambig_tid.int -type f \
    2>/dev/null | LC_ALL=C sort | xargs -d '\n' sha256sum)
}

if [ -f "$out/graph/HCLG.fst" ] && [ -f "$out/FROM" ] && [ "$(cat "$out/FROM")" = "$(from)" ]; then
  echo "compose-graph: $out is composed already"
  exit 0
fi

# Debian installs the plugins that read HCLr.fst (olabel_lookahead) and Gr.fst (ngram) outside the loader's path.
plugins=$(ls -d /usr/lib/*/fst/*/olabel_lookahead-fst.so /usr/local/lib/fst/olabel_lookahead-fst.so 2>/dev/null \
  | head -n 1 | xargs -r dirname || true)
export LD_LIBRARY_PATH="${plugins:+$plugins:}${LD_LIBRARY_PATH:-}"
if ! command -v fstcompose >/dev/null 2>&1 || ! fstinfo "$graph/HCLr.fst" >/dev/null 2>&1 \
    || ! fstinfo "$graph/Gr.fst" >/dev/null 2>&1; then
  echo "compose-graph: OpenFst's tools or their lookahead and ngram plugins are missing" \
    "(apt-get install libfst-tools libfst22-plugins-base): $model keeps the graph Vosk composes as it decodes"
  exit 0
fi

work=$(mktemp -d "$model/.composing.XXXXXX")
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
start=$(date +%s)
mkdir -p "$work/graph"
cp -r "$model/am" "$model/conf" "$work/"
[ -d "$model/ivector" ] && cp -r "$model/ivector" "$work/"
[ -d "$graph/phones" ] && cp -r "$graph/phones" "$work/graph/"

# Gr.fst's own symbol table does not survive being written again, so the words go to words.txt (one line a word;
# the table lists </s> twice) and the language model is composed without it.
fstsymbols --save_osymbols="$work/words.raw" "$graph/Gr.fst" /dev/null
awk '!seen[$0]++' "$work/words.raw" > "$work/graph/words.txt"
rm "$work/words.raw"
fstsymbols --clear_isymbols --clear_osymbols "$graph/Gr.fst" "$work/Gr.plain.fst"
# The disambiguation symbols become epsilons, as Kaldi's mkgraph.sh does; const is the layout Kaldi reads fastest.
awk '{ print $1, 0 }' "$graph/disambig_tid.int" > "$work/disambig.pairs"
fstcompose "$graph/HCLr.fst" "$work/Gr.plain.fst" \
  | fstrelabel --relabel_ipairs="$work/disambig.pairs" \
  | fstconvert --fst_type=const > "$work/graph/HCLG.fst"
rm "$work/Gr.plain.fst" "$work/disambig.pairs"
fstinfo "$work/graph/HCLG.fst" | awk '/^# of (states|arcs)/ { printf "%s%s %s", sep, $NF, $3; sep = ", " } END { print "" }' \
  > "$work/SIZE"
from > "$work/FROM"

rm -rf "$out"
mv "$work" "$out"
trap - EXIT
echo "compose-graph: composed $out/graph/HCLG.fst ($(cat "$out/SIZE"); $(du -m "$out/graph/HCLG.fst" | cut -f1) MiB)" \
  "in $(( $(date +%s) - start )) s"
