#!/usr/bin/env bash
# k-fold cross-validation of the training procedure: for every fold, trains one model per
# representation on the other folds (two runs side by side, one thread each), packages them as a
# mean ensemble, evaluates it on the held-out fold, then summarises the folds and runs the
# classical baseline on the same folds. Rerunning resumes unfinished runs and redoes the rest.
# The trainer's --fold K validates on fold K, so early stopping has seen the fold each model is
# evaluated on: figures of runs that stopped before their budget are slightly flattered.
#
#   training/cross-validate.sh DATASET OUT [MINUTES_PER_MODEL] [FOLDS]
#
# DATASET is a folder written by ./genreflow prepare (with its fold column), OUT receives one run
# folder per fold and representation, models-f<K>/, eval-f<K>/, cv-summary/ and baseline/.
set -euo pipefail
dataset=$(realpath "$1"); out=$(realpath -m "$2"); minutes=${3:-5}; folds=${4:-5}
cd "$(dirname "$0")/.."
mkdir -p "$out"

train() { # fold representation architecture
  OPENBLAS_NUM_THREADS=1 /usr/bin/python3 training/python/train.py --dataset "$dataset" --representation "$2" \
    --arch "$3" --out "$out/f$1-$2-$3" --fold "$1" --epoch-size 10000 --patience 6 --threads 1 --seed 42 \
    --max-minutes "$minutes" >> "$out/f$1-$2-$3.log" 2>&1
}

evaluations=()
for ((fold = 0; fold < folds; fold++)); do
  # The architectures the shipped models chose by validation (models/MODEL_CARD.md).
  train "$fold" logmel crnn & train "$fold" spectrogram lstm & wait
  train "$fold" chroma crnn & train "$fold" waveform lstm & wait
  # The mean ensemble fits nothing, so the held-out fold stays unseen by the ensemble.
  ./genreflow package-models --dataset "$dataset" --strategy mean --model-version "cv-fold-$fold" \
    --runs "$out/f$fold-logmel-crnn,$out/f$fold-spectrogram-lstm,$out/f$fold-chroma-crnn,$out/f$fold-waveform-lstm" \
    --output "$out/models-f$fold"
  ./genreflow evaluate --models "$out/models-f$fold/manifest.json" --dataset "$dataset" --fold "$fold" \
    --output "$out/eval-f$fold"
  evaluations+=("$out/eval-f$fold")
done
./genreflow cv-summary --evaluations "$(IFS=,; echo "${evaluations[*]}")" --output "$out/cv-summary"
./genreflow baseline --dataset "$dataset" --split folds --output "$out/baseline"
