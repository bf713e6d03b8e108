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
echo "1. The first pod fails to restore its checkpoint on an Amazon Linux 2 node (kernel 5.10). The node group is known"
echo "   not to restore InstantOn, so people are told at once (offline the alert is only written, not sent); acting waits"
echo "   for the policy's threshold."
run detect events/detect/eks-rseq-al2.json --now 2025-05-08T10:41:00Z | python3 scripts/demo-summary.py detect
echo
echo "2. Two more replicas fail the same way within minutes: the policy threshold (3 failures, 2 pods, 30 min) is reached."
echo "   The service proposes the label and one approved, staged migration of the workloads to the AL2023 node group."
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
echo "5. A node-group migration, stage by stage (policy migration.enabled; approved once with runbook apply)."
echo "   Offline there is no EKS: each step is the decision of the pure stage machine against a snapshot of"
echo "   events/migration/ (what EKS would show by then); the EKS calls it would make are named, not made."
MIG="$STATE/migration.json"; cp events/migration/record.json "$MIG"
POLICY="$STATE/migration-policy.json"; echo '{"migration":{"enabled":true,"drainStep":1,"stageTimeoutMinutes":30}}' > "$POLICY"
step() { "$CLI" migration-step --record "$MIG" --out "$MIG" --policy "$POLICY" --now "$@"; }
step 2025-05-08T10:55:00Z --inventory events/migration/01-target-creating.json
step 2025-05-08T11:00:00Z --inventory events/migration/02-target-active.json
step 2025-05-08T11:05:00Z --inventory events/migration/02-target-active.json
step 2025-05-08T11:10:00Z --inventory events/migration/03-old-fenced.json
step 2025-05-08T11:15:00Z --inventory events/migration/03-old-fenced.json
step 2025-05-08T11:20:00Z --inventory events/migration/04-old-at-1.json
step 2025-05-08T11:25:00Z --inventory events/migration/05-old-at-0.json
step 2025-05-08T11:30:00Z --inventory events/migration/05-old-at-0.json
step 2025-05-08T11:35:00Z --inventory events/migration/05-old-at-0.json --successes 1
step 2025-05-08T11:40:00Z --inventory events/migration/05-old-at-0.json
echo
echo "Nothing was changed anywhere: recommend mode plans; enforce mode (and --aws) carries out what needs no approval."
