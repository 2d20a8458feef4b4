#!/usr/bin/env bash
# Trains the words model of the frustration detector and writes it where the build bundles it. Only sets whose licence
# allows a shipped model to be fitted on them are trained on: GoEmotions (Apache-2.0). EmoWOZ (CC BY-NC 4.0) and
# MAIA-DQE (CC BY-ND 4.0, evaluation only) are only measured (--measure): the model fitted on GoEmotions scores them
# at the threshold chosen on GoEmotions. Prints the cross-validated figures (grouped by comment) it chose its settings
# by, and the cross-set figures (F1 and ROC AUC per set). The support-line cue kinds (a plain problem, a fix tried that
# failed, trouble that goes on, history, asking for a person, sarcasm) are held at a stated least weight and courtesy at
# a stated most, not learned from Reddit (FrustrationTrainer). Extra arguments go to the trainer: `--without KIND`
# leaves a cue kind out to measure what it does (write such a model elsewhere with `--out`; the last --out wins).
# The voice weights are not fitted on any data set (README "Frustration").
# usage: scripts/train-frustration.sh [DATA_DIR] [TRAINER_ARGS...]
#   (DATA_DIR default ../shared/data/frustration, i.e. /work/shared/data/frustration)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${1:-../shared/data/frustration}"
shift || true
export OPENBLAS_NUM_THREADS=1
mvn -o -q package -DskipTests
java -cp target/empathy-ivr.jar org.empathyivr.eval.FrustrationTrainer \
  --out src/main/resources/org/empathyivr/domain/frustration/words-model.tsv \
  --measure "$DATA/maia_dqe/manifest_dev.tsv" --measure "$DATA/emowoz_subset/manifest_dev.tsv" \
  "$@" "$DATA/goemotions/manifest_dev.tsv"
