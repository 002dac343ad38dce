#!/usr/bin/env bash
# Runs Latent Ledger's t-SNE and UMAP and the peers (scikit-learn, Rtsne, umap-learn, uwot) on the
# same input matrices, one thread each, in one run; then evaluates every layout with the same
# quality code (trustworthiness k=5, 5-NN accuracy) and prints one Markdown table with our wall
# time over each peer's (docs/benchmarks.md, "Fast projections").
#
# usage: docs/peers/run-peers.sh [--install] [--sets digits,fashion10k[,fashion70k]] [--peers-70k]
#   --install    apt-get the peers and the Fashion-MNIST train set (Debian 12 packages; needs root)
#   --sets       data sets to run (default digits,fashion10k); fashion70k is train + test, 70,000 x 784
#   --peers-70k  also run the peers on fashion70k (scikit-learn and Rtsne take a long time there)
#   --no-ours    keep our runs from an earlier call (target/peers/runs) and run only the peers
#   --peers      which peers to run (default sklearn,Rtsne,umap-learn,uwot), e.g. --peers Rtsne,umap-learn
# Work files go to target/peers (WORK=... to change). Every process is capped at one thread.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/docs/peers"
WORK=${WORK:-$ROOT/target/peers}
SETS=digits,fashion10k
PEERS_70K=0
OURS=1
INSTALL=0
PEERS=sklearn,Rtsne,umap-learn,uwot
while [ $# -gt 0 ]; do
  case "$1" in
    --install) INSTALL=1 ;;
    --sets) SETS=$2; shift ;;
    --peers-70k) PEERS_70K=1 ;;
    --no-ours) OURS=0 ;;
    --peers) PEERS=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

if [ "$INSTALL" = 1 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-sklearn umap-learn r-cran-rtsne r-cran-uwot \
    dataset-fashion-mnist time >/dev/null
fi

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME" 2>/dev/null || echo 0)" -lt 25 ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" -ge 25 ]; then
      export JAVA_HOME="$candidate"
      break
    fi
  done
fi
export PATH="$JAVA_HOME/bin:$PATH"
[ -f "$ROOT/target/latent-ledger.jar" ] || (cd "$ROOT" && mvn -q -DskipTests package)

# One thread everywhere: BLAS, OpenMP, numba, RcppParallel; ours takes --threads 1.
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 NUMBA_NUM_THREADS=1 RCPP_PARALLEL_NUM_THREADS=1
LL=(java --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED -Xmx4g -jar "$ROOT/target/latent-ledger.jar")
PY=/usr/bin/python3
mkdir -p "$WORK/inputs" "$WORK/runs" "$WORK/data"

declare -A REF=([digits]=digits [fashion10k]=fashion-mnist [fashion70k]="$WORK/data/fashion70k-images-idx3-ubyte.gz")
if [[ ",$SETS," == *",fashion70k,"* ]] && [ ! -f "${REF[fashion70k]}" ]; then
  # Train (60,000) and test (10,000) sets of the Debian package, as one IDX pair our reader takes.
  $PY - "$WORK/data" <<'PYEOF'
import gzip, sys
src, out = "/usr/share/datasets/fashion-mnist", sys.argv[1]
for kind, header in (("images-idx3", 16), ("labels-idx1", 8)):
    parts = [gzip.open(f"{src}/{s}-{kind}-ubyte.gz").read() for s in ("train", "t10k")]
    head = bytearray(parts[0][:header])
    head[4:8] = (70000).to_bytes(4, "big")
    with gzip.open(f"{out}/fashion70k-{kind}-ubyte.gz", "wb", compresslevel=1) as f:
        f.write(bytes(head) + parts[0][header:] + parts[1][header:])
PYEOF
fi

PAIRS=()
IFS=, read -ra SET_LIST <<< "$SETS"
for s in "${SET_LIST[@]}"; do PAIRS+=("$s=${REF[$s]}"); done
"${LL[@]}" bench --export-inputs "$WORK/inputs" --data "$(IFS=,; echo "${PAIRS[*]}")" 2>/dev/null

# Runs one command under GNU time and adds its peak resident memory to the run's JSON.
timed() {
  local base=$1; shift
  if /usr/bin/time -f %M -o "$base.rss" "$@" >"$base.log" 2>&1; then
    $PY -c 'import json,sys; j=json.load(open(sys.argv[1])); j["peak_rss_mb"]=int(open(sys.argv[2]).read().split()[-1])/1024; json.dump(j,open(sys.argv[1],"w"))' \
      "$base.json" "$base.rss"
    tail -n 1 "$base.log"
  else
    echo "failed: $* (see $base.log)"
    printf '{"error": "%s"}' "exit $(tail -n 1 "$base.rss")" >"$base.json"
  fi
}

for s in "${SET_LIST[@]}"; do
  n=$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))["n"])' "$WORK/inputs/$s.json")
  d=$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))["d"])' "$WORK/inputs/$s.json")
  for m in tsne umap; do
    [ "$OURS" = 1 ] || continue
    base="$WORK/runs/${s}__latent-ledger__$m"
    timed "$base" "${LL[@]}" project --data "${REF[$s]}" --method $m --threads 1 --out "$base.csv" --timing "$base.json"
  done
  if [ "$s" = fashion70k ] && [ "$PEERS_70K" = 0 ]; then continue; fi
  wanted() { [[ ",$PEERS," == *",$1,"* ]]; }
  if wanted sklearn; then timed "$WORK/runs/${s}__sklearn__tsne" $PY "$HERE/peers.py" sklearn tsne "$s" "$WORK"; fi
  if wanted Rtsne; then timed "$WORK/runs/${s}__Rtsne__tsne" Rscript "$HERE/peers.R" Rtsne tsne "$s" "$WORK" "$n" "$d"; fi
  if wanted umap-learn; then timed "$WORK/runs/${s}__umap-learn__umap" $PY "$HERE/peers.py" umap-learn umap "$s" "$WORK"; fi
  if wanted uwot; then timed "$WORK/runs/${s}__uwot__umap" Rscript "$HERE/peers.R" uwot umap "$s" "$WORK" "$n" "$d"; fi
done

echo
echo "Machine: $(nproc --all) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d)"
"${LL[@]}" bench --evaluate "$WORK" 2>/dev/null
