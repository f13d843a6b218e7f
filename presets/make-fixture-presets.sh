#!/bin/sh
# Makes the presets shipped for the parity fixture networks (../shared/fixtures/nvlabs), which stand
# in for the default models until those are trained: sg2-64 as the sprite model, sg3t-64 as the
# portrait model. Neither card names layer groups, so the presets use the default split
# (pose = coarse layers, expression = middle, identity = fine; see LayerGroups).
# Run from the repository root:  sh presets/make-fixture-presets.sh [--force]
set -e
fixtures=${CHARAGEN_FIXTURES:-../shared/fixtures/nvlabs}
sprite=$fixtures/sg2-64.pkl
portrait=$fixtures/sg3t-64.pkl

force=${1:-}  # pass --force to replace presets made before
preset() { ./charagen preset "$@" $force; }

# Archetypes: the look of a seed, blended into the coarse (pose/shape) layers of both models.
for pair in hero:11 heroine:24 villain:37 elder:52; do
    name=${pair%%:*}; seed=${pair#*:}
    preset --model "$sprite" --model-kind sprite --kind archetype --name "$name" --seed "$seed" \
        --layer-group pose --mode lerp --strength 0.8 --description "$name look (seed $seed), fixture stand-in"
    preset --model "$portrait" --model-kind portrait --kind archetype --name "$name" --seed "$seed" \
        --layer-group pose --mode lerp --strength 0.8 --description "$name look (seed $seed), fixture stand-in"
done

# Expressions on the portrait model: the middle layers move towards a seed's; "neutral" is the
# styled portrait unchanged (no preset); "turned" moves the coarse layers instead.
for pair in happy:101 sad:102 angry:103 surprised:104; do
    name=${pair%%:*}; seed=${pair#*:}
    preset --model "$portrait" --model-kind portrait --kind expression --name "$name" --seed "$seed" \
        --layer-group expression --mode lerp --strength 0.7 --description "$name (seed $seed), fixture stand-in"
done
preset --model "$portrait" --model-kind portrait --kind expression --name turned --seed 105 \
    --layer-group pose --mode lerp --strength 0.6 --description "head turned (seed 105), fixture stand-in"
