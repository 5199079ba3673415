#!/usr/bin/env bash
# Answer every question set once and score it with the shared scorer (no make needed).
#
#   PY=/work/main/.venv/bin/python SHARED=/work/shared eval/run-all.sh [OUTDIR]
#   ONLY='2026l|^dev' eval/run-all.sh OUTDIR     # only the sets whose name matches the regular expression
#
# Writes OUTDIR/<set>.out.jsonl (the answers) and OUTDIR/<set>.score.txt (the scorer's figures,
# failures included) and prints one summary line per set. `today` is fixed per set so that relative
# dates (garantie individuelle, entretiens) give the same expected figures whenever it is re-run.
# Run it from a checkout whose index is built (`python -m cli.main ingest`; CCN_DATA_DIR honoured).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-python}
SHARED=${SHARED:-../shared}
OUT=${1:-/tmp/ccn-eval}
ONLY=${ONLY:-}
mkdir -p "$OUT"
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"

run() {  # name questions.jsonl today
    if [[ -n "$ONLY" && ! "$1" =~ $ONLY ]]; then return 0; fi
    "$PY" -m cli.main ask --json --today "$3" --file "$2" > "$OUT/$1.out.jsonl"
    "$PY" "$SHARED/eval/score.py" "$2" "$OUT/$1.out.jsonl" --show-failures > "$OUT/$1.score.txt"
    printf '%-24s %s\n' "$1" "$(grep '^pass:' "$OUT/$1.score.txt")"
}

run dev "$SHARED/eval/dev.jsonl" 2025-11-25
run dev-conversations "$SHARED/eval/dev-conversations.jsonl" 2025-11-25
run heldout eval/heldout.jsonl 2025-11-25
run fresh eval/fresh.jsonl 2025-11-25
run unseen-2026 eval/unseen-2026.jsonl 2026-11-29
run unseen-2026b eval/unseen-2026b.jsonl 2026-11-29
run conversations-2026 eval/conversations-2026.jsonl 2026-11-29
run out-of-scope-2026 eval/out-of-scope-2026.jsonl 2026-11-29
run in-scope-near-miss-2026 eval/in-scope-near-miss-2026.jsonl 2026-11-29
run conversations-2026b eval/conversations-2026b.jsonl 2026-11-29
run out-of-scope-2026b eval/out-of-scope-2026b.jsonl 2026-11-29
run in-scope-near-miss-2026b eval/in-scope-near-miss-2026b.jsonl 2026-11-29
run unseen-2026c eval/unseen-2026c.jsonl 2026-11-29
run conversations-2026c eval/conversations-2026c.jsonl 2026-11-29
run out-of-scope-2026c eval/out-of-scope-2026c.jsonl 2026-11-29
run conversations-2026d eval/conversations-2026d.jsonl 2026-11-29
run unseen-2026e eval/unseen-2026e.jsonl 2026-11-29
run conversations-2026e eval/conversations-2026e.jsonl 2026-11-29
run out-of-scope-2026e eval/out-of-scope-2026e.jsonl 2026-11-29
run unseen-2026f eval/unseen-2026f.jsonl 2026-11-29
run conversations-2026f eval/conversations-2026f.jsonl 2026-11-29
run out-of-scope-2026f eval/out-of-scope-2026f.jsonl 2026-11-29
run unseen-2026g eval/unseen-2026g.jsonl 2026-11-29
run conversations-2026g eval/conversations-2026g.jsonl 2026-11-29
run out-of-scope-2026g eval/out-of-scope-2026g.jsonl 2026-11-29
run unseen-2026h eval/unseen-2026h.jsonl 2026-11-29
run conversations-2026h eval/conversations-2026h.jsonl 2026-11-29
run out-of-scope-2026h eval/out-of-scope-2026h.jsonl 2026-11-29
run unseen-2026i eval/unseen-2026i.jsonl 2026-11-29
run conversations-2026i eval/conversations-2026i.jsonl 2026-11-29
run out-of-scope-2026i eval/out-of-scope-2026i.jsonl 2026-11-29
run unseen-2026j eval/unseen-2026j.jsonl 2026-11-29
run conversations-2026j eval/conversations-2026j.jsonl 2026-11-29
run out-of-scope-2026j eval/out-of-scope-2026j.jsonl 2026-11-29
run unseen-2026k eval/unseen-2026k.jsonl 2026-11-29
run conversations-2026k eval/conversations-2026k.jsonl 2026-11-29
run out-of-scope-2026k eval/out-of-scope-2026k.jsonl 2026-11-29
run unseen-2026l eval/unseen-2026l.jsonl 2026-11-29
run conversations-2026l eval/conversations-2026l.jsonl 2026-11-29
run out-of-scope-2026l eval/out-of-scope-2026l.jsonl 2026-11-29
run unseen-2026m eval/unseen-2026m.jsonl 2026-11-29
run conversations-2026m eval/conversations-2026m.jsonl 2026-11-29
run out-of-scope-2026m eval/out-of-scope-2026m.jsonl 2026-11-29
run unseen-2026n eval/unseen-2026n.jsonl 2026-11-29
run conversations-2026n eval/conversations-2026n.jsonl 2026-11-29
run out-of-scope-2026n eval/out-of-scope-2026n.jsonl 2026-11-29
run unseen-2026o eval/unseen-2026o.jsonl 2026-11-29
run conversations-2026o eval/conversations-2026o.jsonl 2026-11-29
run out-of-scope-2026o eval/out-of-scope-2026o.jsonl 2026-11-29
run unseen-2026p eval/unseen-2026p.jsonl 2026-11-29
run conversations-2026p eval/conversations-2026p.jsonl 2026-11-29
run out-of-scope-2026p eval/out-of-scope-2026p.jsonl 2026-11-29
run unseen-2026q eval/unseen-2026q.jsonl 2026-11-29
run conversations-2026q eval/conversations-2026q.jsonl 2026-11-29
run out-of-scope-2026q eval/out-of-scope-2026q.jsonl 2026-11-29
run unseen-2026r eval/unseen-2026r.jsonl 2026-11-29
run conversations-2026r eval/conversations-2026r.jsonl 2026-11-29
run out-of-scope-2026r eval/out-of-scope-2026r.jsonl 2026-11-29
run unseen-2026s eval/unseen-2026s.jsonl 2026-11-29
run conversations-2026s eval/conversations-2026s.jsonl 2026-11-29
run out-of-scope-2026s eval/out-of-scope-2026s.jsonl 2026-11-29
run unseen-2026t eval/unseen-2026t.jsonl 2026-11-29
run conversations-2026t eval/conversations-2026t.jsonl 2026-11-29
run out-of-scope-2026t eval/out-of-scope-2026t.jsonl 2026-11-29
run unseen-2026u eval/unseen-2026u.jsonl 2026-11-29
run conversations-2026u eval/conversations-2026u.jsonl 2026-11-29
run out-of-scope-2026u eval/out-of-scope-2026u.jsonl 2026-11-29
run unseen-2026v eval/unseen-2026v.jsonl 2026-11-29
run conversations-2026v eval/conversations-2026v.jsonl 2026-11-29
run out-of-scope-2026v eval/out-of-scope-2026v.jsonl 2026-11-29
run unseen-2026w eval/unseen-2026w.jsonl 2026-11-29
run conversations-2026w eval/conversations-2026w.jsonl 2026-11-29
run out-of-scope-2026w eval/out-of-scope-2026w.jsonl 2026-11-29
run unseen-2026x eval/unseen-2026x.jsonl 2026-11-29
run conversations-2026x eval/conversations-2026x.jsonl 2026-11-29
run out-of-scope-2026x eval/out-of-scope-2026x.jsonl 2026-11-29
run unseen-2026y eval/unseen-2026y.jsonl 2026-11-29
run conversations-2026y eval/conversations-2026y.jsonl 2026-11-29
run out-of-scope-2026y eval/out-of-scope-2026y.jsonl 2026-11-29
run unseen-2026z eval/unseen-2026z.jsonl 2026-11-29
run conversations-2026z eval/conversations-2026z.jsonl 2026-11-29
run out-of-scope-2026z eval/out-of-scope-2026z.jsonl 2026-11-29
