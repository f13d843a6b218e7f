#!/usr/bin/env bash
# One training call on a lent GPU machine (see ../shared/DEVICE-TRAINING.md): trains the sprite or
# portrait model for a given number of minutes, continuing from the committed resume point when
# there is one, and leaves in $OUT what the next call and the repository need: the new resume
# point (float16 parts under 16 MiB), the last sample grid and the log (at most 8 files come
# back, so the bundle is exported afterwards from the resume point:
# training/charagen-train export --run assets/models/<kind>-resume --out assets/models/<name>.json).
#
#   training/device/train.sh sprite|portrait MINUTES [extra train flags...]
#
# Data: sprites are composed on the machine from the LPC layers carried in .lpc/ (copy
# ../shared/lpc there; .lpc/ is git-ignored, so name it in carry); portraits come from a data set
# folder built here (Node is not on the machine) and carried in .portraits/ (also ignored).
# Resume points live in assets/models/<kind>-resume/ (commit only the latest). For a dry run here:
# CHARAGEN_PYTHON=/usr/bin/python3 CHARAGEN_DEVICE=cpu CHARAGEN_WORKERS=1 training/device/train.sh sprite 0.5 --config tiny
set -euo pipefail
kind="${1:?usage: train.sh sprite|portrait MINUTES [train flags...]}"
minutes="${2:?usage: train.sh sprite|portrait MINUTES [train flags...]}"
shift 2
cd "$(dirname "$0")/../.."
export PYTHONPATH="$PWD/training${PYTHONPATH:+:$PYTHONPATH}" PYTHONUNBUFFERED=1
out="${OUT:-/tmp/charagen-out}"
mkdir -p "$out"
case "$kind" in
    sprite) data="lpc:.lpc" ;;
    portrait) data=".portraits" ;;
    *) echo "train.sh: kind '$kind': expected sprite or portrait" >&2; exit 2 ;;
esac
resume_dir="assets/models/$kind-resume"
resume=()
if [ -f "$resume_dir/state.json" ]; then
    resume=(--resume "$resume_dir")
fi
run="/tmp/charagen-run-$kind"
"${CHARAGEN_PYTHON:-python3}" -m charagen_train train --config "$kind" --data "$data" --out "$run" --device "${CHARAGEN_DEVICE:-gpu}" \
    --minutes "$minutes" --workers "${CHARAGEN_WORKERS:-12}" --resume-dtype float16 --grid-kimg 1000000 --force \
    "${resume[@]}" "$@" 2>&1 | tee "$out/train.log"
mkdir -p "$out/resume"
cp "$run"/resume/* "$out/resume/"
cp "$(ls "$run"/grid-*.png | tail -n 1)" "$out/grid.png"
ls -la "$out" "$out/resume"
