#!/usr/bin/env bash
# make demo: the EKS case end to end, locally, no AWS account (embedded demo inventory, file state, recommend mode).
set -euo pipefail
CLI=${1:-artifacts/cli/instanton-remediate}
cd "$(dirname "$0")/.."
export AWS_EC2_METADATA_DISABLED=true LOG_LEVEL=error
STATE=$(mktemp -d)
trap 'rm -rf "$STATE"' EXIT
run() { "$CLI" invoke "$@" --state "$STATE" --mode recommend --json 2>/dev/null; }

echo "InstantOnRemediate demo - cluster prod-eks, workload shop/orders (Open Liberty InstantOn, UBI 9 image)"
echo
echo "1. The first pod fails to restore its checkpoint on an Amazon Linux 2 node (kernel 5.10)."
run detect events/detect/eks-rseq-al2.json --now 2025-05-08T10:41:00Z | python3 scripts/demo-summary.py detect
echo
echo "2. Two more replicas fail the same way within minutes: the policy threshold (3 failures, 2 pods, 30 min) is reached."
run detect events/detect/eks-rseq-al2-pod2.json --now 2025-05-08T10:44:00Z > /dev/null
run detect events/detect/eks-rseq-al2-pod3.json --now 2025-05-08T10:47:00Z | python3 scripts/demo-summary.py detect --alerts
if [ -f events/detect/eks-success-al2023.json ]; then
  echo
  echo "3. After the workload moved to the AL2023 node group (kernel 6.1), it restores from the checkpoint again."
  run detect events/detect/eks-success-al2023.json --now 2025-05-08T12:05:00Z | python3 scripts/demo-summary.py detect
fi
echo
echo "4. The scheduled reconcile audits every node group of every cluster, before any pod fails there."
run reconcile events/reconcile/schedule.json --now 2025-05-08T12:10:00Z | python3 scripts/demo-summary.py reconcile
echo
echo "Nothing was changed anywhere: recommend mode plans; enforce mode (and --aws) carries out what needs no approval."
