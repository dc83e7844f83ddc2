#!/usr/bin/env bash
# Spark GPU discovery script (spark.executor.resource.gpu.discoveryScript / spark.worker.resource.gpu.discoveryScript):
# prints the GPUs of this host as Spark's ResourceInformation JSON, addresses = NVML indices,
# which is what ftenergy's meter expects. With CUDA_VISIBLE_DEVICES set, only those are listed.
set -euo pipefail
if ! command -v nvidia-smi >/dev/null 2>&1; then
  echo '{"name": "gpu", "addresses": []}'
  exit 0
fi
ids=$(nvidia-smi --query-gpu=index --format=csv,noheader | tr -d ' ')
if [ -n "${CUDA_VISIBLE_DEVICES:-}" ]; then
  ids=$(printf '%s\n' "$ids" | grep -xF -f <(printf '%s\n' "${CUDA_VISIBLE_DEVICES//,/$'\n'}") || true)
fi
printf '{"name": "gpu", "addresses": [%s]}\n' "$(printf '%s\n' $ids | sed 's/.*/"&"/' | paste -sd, -)"
