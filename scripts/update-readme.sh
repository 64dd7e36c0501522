#!/usr/bin/env bash
# Regenerates the blocks of README.md that show real program output, so they
# never go stale: each block sits between <!-- BEGIN name --> and
# <!-- END name --> markers and is replaced by the output of a command.
# Usage: scripts/update-readme.sh   (builds the debug binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product losscape >/dev/null
bin=.build/debug/losscape

block() { # name, command…
  local name=$1; shift
  local out; out=$("$@")
  python3 - "$name" "$out" <<'PY'
import sys, re
name, out = sys.argv[1], sys.argv[2]
text = open("README.md", encoding="utf-8").read()
pattern = re.compile(r"(<!-- BEGIN %s -->\n```[a-z]*\n).*?(```\n<!-- END %s -->)" % (name, name), re.S)
if not pattern.search(text):
    sys.exit("README.md has no block %s" % name)
text = pattern.sub(lambda m: m.group(1) + out.rstrip("\n") + "\n" + m.group(2), text)
open("README.md", "w", encoding="utf-8").write(text)
PY
}

block snapshot "$bin" snapshot presets/default.toml --steps 300 --size 120x40 --landscape
block run-help "$bin" run --help
block run "$bin" run presets/xor.toml --steps 500
block keys "$bin" list keys
block list-losses "$bin" list losses
block landscape "$bin" landscape presets/moons.toml --steps 300 --grid 21
block list-datasets "$bin" list datasets
block list-optimizers "$bin" list optimizers
block inspect "$bin" inspect focal --param gamma=2 --classes 3
block analysis "$bin" snapshot presets/compare-noise.toml --steps 600 --size 100x30 --view margins
block embedding "$bin" snapshot presets/arcface.toml --steps 1500 --size 80x24 --view embedding
block compare "$bin" snapshot presets/compare-noise.toml --steps 600 --size 120x40
block compare-run "$bin" run presets/compare-noise.toml --steps 600
sweepdir=$(mktemp -d)
block sweep "$bin" sweep presets/moons.toml --vary loss.name=cross_entropy,focal,gce --vary data.label_noise=0,0.3 --seeds 3 --steps 400 --out "$sweepdir/s"
rm -rf "$sweepdir"
mkdir -p docs
"$bin" snapshot presets/compare-noise.toml --steps 600 --landscape --svg docs/compare-noise.svg > /dev/null
"$bin" snapshot presets/arcface.toml --steps 1500 --size 80x24 --view embedding --svg docs/arcface-embedding.svg > /dev/null
echo "README.md updated"
