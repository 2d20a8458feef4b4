#!/usr/bin/env bash
# Trains the words model of the frustration detector on the dev parts of the labeled sets and writes it where the
# build bundles it. Prints the cross-validated figures (grouped by dialog or comment) it chose its settings by, then
# fits the voice weights on RAVDESS and prints them.
# usage: scripts/train-frustration.sh [DATA_DIR]   (default ../shared/data/frustration, i.e. /work/shared/data/frustration)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${1:-../shared/data/frustration}"
export OPENBLAS_NUM_THREADS=1
mvn -o -q compile
java -cp target/classes org.empathyivr.eval.FrustrationTrainer \
  --out src/main/resources/org/empathyivr/domain/frustration/words-model.tsv \
  "$DATA/maia_dqe/manifest_dev.tsv" "$DATA/goemotions/manifest_dev.tsv" "$DATA/emowoz_subset/manifest_dev.tsv"

# The voice weights: fitted on RAVDESS clips against each speaker's median (leave-one-speaker-out figures printed);
# copy the printed values into SettingsReader.DEFAULTS, FrustrationSettings.defaults() and the README by hand.
mvn -o -q process-resources
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
java -cp "target/classes:$(cat target/classpath.txt)" org.empathyivr.eval.VoiceWeightsTrainer \
  "$DATA/ravdess_8k/manifest_dev.tsv"
