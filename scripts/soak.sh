#!/usr/bin/env bash
# Memory soak of the playground: drives `losscape` in a private tmux server at
# 120x40 with the landscape on auto-refresh (G, then g) and a key every few
# seconds (l, o, d, r, v in turn), samples the resident memory (VmRSS) of the
# process, prints the curve, and fails (exit 1) when the memory grows by more
# than 5 % over the second half of the run.
#
# Usage: scripts/soak.sh [SECONDS] [--every S] [--keys-every K] [--binary PATH]
#                        [--csv FILE] [--preset PRESET] [--keys "l o d r v"] [--args "…"]
#   SECONDS      length of the run (default 3600: one hour)
#   --every S    seconds between memory samples (default 15, or SECONDS/40 when that
#                is shorter, so a run of a few minutes still has ~40 samples)
#   --keys-every seconds between keys (default 5)
#   --binary     the losscape binary (default: builds .build/release/losscape)
#   --csv        also write the samples as CSV (seconds,rss_kib), appended as they
#                are taken (a run that is cut keeps what it measured)
#   --preset     the preset to open (default presets/default.toml)
#   --keys       the keys pressed in turn (default "l o d r v": loss, optimizer,
#                dataset, restart, view slot)
#   --args       extra arguments for losscape, e.g. "--set steps=100000000 --speed max"
#                (a preset stops at its `steps`: raise them to train all along)
#
# "Grows over the second half": the median of the samples in the last tenth of
# the run against the median of those in the tenth just after the midpoint.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=3600 every="" keys_every=5 binary="" csv="" preset="presets/default.toml" keylist="l o d r v" extra=""
while [ $# -gt 0 ]; do
  case "$1" in
    --every) every=$2; shift 2 ;;
    --keys-every) keys_every=$2; shift 2 ;;
    --binary) binary=$2; shift 2 ;;
    --csv) csv=$2; shift 2 ;;
    --preset) preset=$2; shift 2 ;;
    --keys) keylist=$2; shift 2 ;;
    --args) extra=$2; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) seconds=$1; shift ;;
  esac
done
command -v tmux >/dev/null || { echo "soak: tmux is not installed" >&2; exit 2; }
if [ -z "$binary" ]; then
  swift build -c release --product losscape >/dev/null
  binary=.build/release/losscape
fi
[ "$seconds" -gt 0 ] 2>/dev/null || { echo "soak: SECONDS must be a positive integer, got $seconds" >&2; exit 2; }
if [ -z "$every" ]; then
  every=$(( seconds / 40 ))
  [ "$every" -gt 15 ] && every=15
  [ "$every" -lt 1 ] && every=1
fi
[ "$every" -gt 0 ] 2>/dev/null || { echo "soak: --every must be a positive integer" >&2; exit 2; }

sock="losscape-soak-$$"
samples=$(mktemp)
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; rm -f "$samples"; }
trap cleanup EXIT

tmux -L "$sock" -f /dev/null new-session -d -s soak -x 120 -y 40 \
  "exec timeout --foreground $((seconds + 120)) $binary $preset $extra"
pane=$(tmux -L "$sock" display -p -t soak '#{pane_pid}')
pid=""
for _ in $(seq 50); do
  pid=$(pgrep -P "$pane" | head -1 || true)
  [ -n "$pid" ] && break
  sleep 0.1
done
[ -n "$pid" ] || { echo "soak: losscape did not start" >&2; exit 2; }
sleep 2
tmux -L "$sock" send-keys -t soak G
sleep 1
tmux -L "$sock" send-keys -t soak g

rss() { awk '/^VmRSS/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0; }
sample() {
  local line="$1 $(rss)"
  echo "$line" >>"$samples"
  [ -z "$csv" ] || echo "${line/ /,}" >>"$csv"
}
[ -z "$csv" ] || echo "seconds,rss_kib" >"$csv"
read -r -a keys <<<"$keylist"
start=$(date +%s)
next_sample=0 next_key=$keys_every k=0
while :; do
  now=$(( $(date +%s) - start ))
  [ "$now" -gt "$seconds" ] && break
  kill -0 "$pid" 2>/dev/null || { echo "soak: losscape exited early (at ${now} s)" >&2; cat "$samples"; exit 1; }
  if [ "$now" -ge "$next_sample" ]; then
    sample "$now"
    next_sample=$(( next_sample + every ))
  fi
  if [ "$now" -ge "$next_key" ]; then
    tmux -L "$sock" send-keys -t soak "${keys[$((k % ${#keys[@]}))]}"
    k=$((k + 1))
    next_key=$(( next_key + keys_every ))
  fi
  sleep 1
done
[ "$(tail -n 1 "$samples" | cut -d' ' -f1)" = "$seconds" ] || sample "$seconds"
tmux -L "$sock" send-keys -t soak q

python3 - "$samples" "$seconds" "$k" <<'PY'
import sys, statistics
rows = [tuple(map(int, l.split())) for l in open(sys.argv[1]) if l.strip()]
total, keys = int(sys.argv[2]), int(sys.argv[3])
print("soak: %d s, %d keys, %d samples (seconds  RSS MiB)" % (total, keys, len(rows)))
step = max(1, len(rows) // 24)
for t, kib in rows[::step] + ([rows[-1]] if (len(rows) - 1) % step else []):
    print("  %6d  %7.1f" % (t, kib / 1024))
def window(lo, hi):
    w = [kib for t, kib in rows if lo <= t <= hi]
    return statistics.median(w) if w else None
mid = window(total * 0.5, total * 0.6)
end = window(total * 0.9, total)
if mid is None or end is None:
    sys.exit("soak: too few samples; run longer or sample more often (--every)")
growth = (end - mid) / mid
print("soak: second half %.1f MiB -> %.1f MiB (%+.1f %%), peak %.1f MiB"
      % (mid / 1024, end / 1024, growth * 100, max(k for _, k in rows) / 1024))
if growth > 0.05:
    sys.exit("soak: FAILED: memory grew by more than 5 % over the second half")
print("soak: ok")
PY
