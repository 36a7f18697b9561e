package dev.incidents.analyzer.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.messages.SchedulingReason.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FailedSchedulingMessageTest {

    @Test
    void seed002NoGpuAnywhere() {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse("0/4 nodes are available: 4 Insufficient nvidia.com/gpu.");

        assertThat(m.available()).isZero();
        assertThat(m.total()).isEqualTo(4);
        assertThat(m.reasons()).containsExactly(new SchedulingReason(4, Kind.INSUFFICIENT_RESOURCE, "nvidia.com/gpu",
                null, "4 Insufficient nvidia.com/gpu"));
        assertThat(m.preemption()).isEmpty();
        assertThat(m.truncated()).isFalse();
        assertThat(m.category()).contains(Category.INSUFFICIENT_GPU);
        assertThat(m.acceleratorResource()).contains("nvidia.com/gpu");
    }

    /** The verdict's closing period before its preemption sentence, or a quote around it, is no part of the resource. */
    @ParameterizedTest
    @ValueSource(strings = {
        "0/3 nodes are available: 3 Insufficient nvidia.com/gpu. preemption: 0/3 nodes are available: 3 No preemption "
                + "victims found for incoming pod.",
        "0/1 nodes are available: 1 Insufficient nvidia.com/gpu.\"",
    })
    void theResourceEndsWhereItsNameDoes(String verdict) {
        assertThat(FailedSchedulingMessage.parse(verdict).acceleratorResource()).contains("nvidia.com/gpu");
        assertThat(FailedSchedulingMessage.parse(verdict).reasons()).first().extracting(SchedulingReason::resource)
                .isEqualTo("nvidia.com/gpu");
    }

    /**
     * Which taint holds a pod pinned to one node by name: the one its node is counted under, beside the others' selector
     * mismatch. A role or condition taint beside a pin to a node that is gone reads the same, so only an operator's (or
     * an unnamed one) counts; a shortage beside them says the pinned node passed the taint filter.
     */
    @Test
    void theTaintOfAPinnedNode() {
        assertThat(FailedSchedulingMessage.parse("0/5 nodes are available: 1 node(s) had untolerated taint(s), 1 node(s) "
                + "were unschedulable, 3 node(s) didn't match Pod's node affinity/selector.").pinnedNodeTaint())
                .hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(Kind.UNTOLERATED_TAINT));
        assertThat(FailedSchedulingMessage.parse("0/4 nodes are available: 1 node(s) had untolerated taint "
                + "{dedicated: storage}, 3 node(s) didn't match Pod's node affinity/selector.").pinnedNodeTaint())
                .hasValueSatisfying(r -> assertThat(r.taint()).isEqualTo("dedicated: storage"));
        assertThat(FailedSchedulingMessage.parse("0/4 nodes are available: 1 node(s) had untolerated taint "
                + "{node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector.")
                .pinnedNodeTaint()).isEmpty();
        assertThat(FailedSchedulingMessage.parse("0/4 nodes are available: 1 Insufficient cpu, 1 node(s) had "
                + "untolerated taint {dedicated: storage}, 2 node(s) didn't match Pod's node affinity/selector.")
                .pinnedNodeTaint()).isEmpty();
        assertThat(FailedSchedulingMessage.parse("0/3 nodes are available: 3 node(s) didn't match Pod's node "
                + "affinity/selector.").pinnedNodeTaint()).isEmpty();
    }

    @Test
    void theOnlyGpuNodeFencedByItsTaintIsUntoleratedTaint() {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse("0/4 nodes are available: 1 node(s) had untolerated "
                + "taint {accelerator: gpu}, 3 Insufficient nvidia.com/gpu. preemption: 0/4 nodes are available: "
                + "4 Preemption is not helpful for scheduling.");

        assertThat(m.reasons()).extracting(SchedulingReason::kind)
                .containsExactly(Kind.UNTOLERATED_TAINT, Kind.INSUFFICIENT_RESOURCE);
        assertThat(m.reasons().get(0).taint()).isEqualTo("accelerator: gpu");
        assertThat(m.reasons().get(0).taintKey()).contains("accelerator");
        assertThat(m.preemption()).contains("0/4 nodes are available: 4 Preemption is not helpful for scheduling.");
        assertThat(m.category()).contains(Category.UNTOLERATED_TAINT);
    }

    @Test
    void preOneTwentySixTaintWordingKeepsItsCommaInsideTheClause() {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse("0/3 nodes are available: 1 node(s) had taint "
                + "{nvidia.com/gpu: NoSchedule}, that the pod didn't tolerate, 2 Insufficient nvidia.com/gpu.");

        assertThat(m.reasons()).hasSize(2);
        assertThat(m.reasons().get(0).kind()).isEqualTo(Kind.UNTOLERATED_TAINT);
        assertThat(m.reasons().get(0).taint()).isEqualTo("nvidia.com/gpu: NoSchedule");
        assertThat(m.reasons().get(0).raw()).endsWith("that the pod didn't tolerate");
        assertThat(m.category()).contains(Category.UNTOLERATED_TAINT);
    }

    @Test
    void aControlPlaneTaintIsIncidental() {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse("0/4 nodes are available: 1 node(s) had untolerated "
                + "taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are "
                + "available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.");

        assertThat(m.category()).contains(Category.INSUFFICIENT_RESOURCES);
        assertThat(m.blockingReason().map(SchedulingReason::resource)).contains("cpu");
    }

    /**
     * neondatabase/autoscaling#804 class: a scheduler plugin's own words for a node short of what the pod asks, the
     * resource named or not.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0/1 nodes are available: 1 Not enough resources for pod.|",
        "0/3 nodes are available: 3 not enough memory.|memory",
        "0/2 nodes are available: 2 insufficient resources.|",
    })
    void anotherSchedulersWordsForANodeShortOfResources(String message, String resource) {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse(message);

        assertThat(m.category()).contains(Category.INSUFFICIENT_RESOURCES);
        assertThat(m.reasons()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(Kind.INSUFFICIENT_RESOURCE);
            assertThat(r.resource()).isEqualTo(resource);
        });
    }

    /** kubernetes#116133, kubeedge docs, hcloud-ccm#226: nothing but role taints (and cordons) left. */
    @ParameterizedTest
    @ValueSource(strings = {
        "0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..",
        "0/1 nodes are available: 1 node(s) had taint {node-role.kubernetes.io/control-plane: }, that the pod didn't tolerate.",
    })
    void aRoleTaintIsTheBlockerWhenNothingElseIsLeft(String message) {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse(message);

        assertThat(m.category()).contains(Category.UNTOLERATED_TAINT);
        assertThat(m.facts().get(dev.incidents.analyzer.hints.Fact.TAINT)).hasValueSatisfying(
                t -> assertThat(t).startsWith("node-role.kubernetes.io/"));
    }

    /** sapcc/helm-charts#548: the pre-1.10 predicate wording, counts after the names. */
    @Test
    void preOneTenPredicateWordingCountsAfterEachPredicate() {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse("No nodes are available that match all of the "
                + "predicates: Insufficient cpu (19), Insufficient memory (19), PodToleratesNodeTaints (10).");

        assertThat(m.reasons()).extracting(SchedulingReason::kind).containsExactly(Kind.INSUFFICIENT_RESOURCE,
                Kind.INSUFFICIENT_RESOURCE, Kind.UNTOLERATED_TAINT);
        assertThat(m.reasons()).extracting(SchedulingReason::nodes).containsExactly(19, 19, 10);
        assertThat(m.reasons().get(0).resource()).isEqualTo("cpu");
        assertThat(m.category()).contains(Category.INSUFFICIENT_RESOURCES);
        assertThat(FailedSchedulingMessage.parse("No nodes are available that match all of the following "
                + "predicates:: Insufficient nvidia.com/gpu (3), MatchNodeSelector (2).").category())
                .contains(Category.INSUFFICIENT_GPU);
        assertThat(FailedSchedulingMessage.parse("No nodes are available that match all of the predicates: "
                + "MatchNodeSelector (3).").category()).contains(Category.NODE_SELECTOR_MISMATCH);
    }

    /** Schedulers 1.2-1.5 named the pod, then each node with its failed predicate, or a summary with counts. */
    @Test
    void theFitFailuresOfSchedulersBefore1_6() {
        FailedSchedulingMessage perNode = FailedSchedulingMessage.parse("pod (trainer-3017654321-x8k2q) failed to fit "
                + "in any node fit failure on node (gpu-a): Insufficient alpha.kubernetes.io/nvidia-gpu fit failure on "
                + "node (gpu-b): Insufficient alpha.kubernetes.io/nvidia-gpu fit failure on node (master): "
                + "PodToleratesNodeTaints");
        assertThat(perNode.category()).contains(Category.INSUFFICIENT_GPU);
        assertThat(perNode.reasons()).hasSize(3);

        FailedSchedulingMessage tainted = FailedSchedulingMessage.parse("pod (web-1) failed to fit in any node\n"
                + "fit failure on node (home-server): PodToleratesNodeTaints\n");
        assertThat(tainted.category()).contains(Category.UNTOLERATED_TAINT);

        FailedSchedulingMessage summary = FailedSchedulingMessage.parse("pod (web-1) failed to fit in any node\n"
                + "fit failure summary on nodes : MatchNodeSelector (2), PodToleratesNodeTaints (1)");
        assertThat(summary.category()).contains(Category.NODE_SELECTOR_MISMATCH);
    }

    @Test
    void nodesPastTheSelectorThatLackGpusMeanTheGpuPoolIsFull() {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse("0/5 nodes are available: 2 node(s) didn't match "
                + "Pod's node affinity/selector, 3 Insufficient nvidia.com/gpu.");

        assertThat(m.category()).contains(Category.INSUFFICIENT_GPU);
    }

    @Test
    void aNonAcceleratorTaintDoesNotProveTheNodeHasGpus() {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse("0/4 nodes are available: 1 node(s) had untolerated "
                + "taint {dedicated: training}, 3 Insufficient nvidia.com/gpu.");

        assertThat(m.category()).contains(Category.INSUFFICIENT_GPU);
    }

    @Test
    void anAcceleratorTaintNextToASelectorMismatchIsTheTaint() {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse("0/4 nodes are available: 1 node(s) didn't match "
                + "Pod's node affinity/selector, 3 node(s) had untolerated taint {nvidia.com/gpu: present}.");

        assertThat(m.category()).contains(Category.UNTOLERATED_TAINT);
    }

    @Test
    void anAcceleratorTaintIsNotTheBlockerOfAPodThatWantsNoGpu() {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse("0/4 nodes are available: 1 Insufficient memory, "
                + "3 node(s) had untolerated taint {nvidia.com/gpu: present}.");

        assertThat(m.category()).contains(Category.INSUFFICIENT_RESOURCES);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.|NODE_SELECTOR_MISMATCH",
        "0/3 nodes are available: 3 node(s) didn't match node selector.|NODE_SELECTOR_MISMATCH",
        "0/6 nodes are available: 3 node(s) didn't match Pod's node affinity, 3 node(s) had taint {node-role.kubernetes.io/master: }, that the pod didn't tolerate.|NODE_SELECTOR_MISMATCH",
        "0/2 nodes are available: 2 Too many pods.|INSUFFICIENT_RESOURCES",
        "0/3 nodes are available: 1 Insufficient memory, 2 Insufficient cpu, 2 Insufficient memory.|INSUFFICIENT_RESOURCES",
        "0/3 nodes are available: 3 Insufficient ephemeral-storage.|INSUFFICIENT_RESOURCES",
        "0/3 nodes are available: 3 Insufficient amd.com/gpu.|INSUFFICIENT_GPU",
        "0/4 nodes are available: 1 Insufficient cpu, 3 Insufficient nvidia.com/gpu.|INSUFFICIENT_RESOURCES",
        "0/4 nodes are available: 1 Insufficient memory, 1 Insufficient cpu, 3 Insufficient nvidia.com/gpu.|INSUFFICIENT_RESOURCES",
        "0/4 nodes are available: 4 Insufficient cpu, 4 Insufficient nvidia.com/gpu.|INSUFFICIENT_GPU",
        "0/5 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 Insufficient cpu, 3 Insufficient nvidia.com/gpu.|INSUFFICIENT_RESOURCES",
        "0/5 nodes are available: 2 node(s) didn't match Pod's node affinity/selector, 3 Insufficient cpu, 3 Insufficient nvidia.com/gpu.|INSUFFICIENT_GPU",
        "0/3 nodes are available: 3 Insufficient nvidia.com/mig-1g.5gb.|INSUFFICIENT_GPU",
        "0/8 nodes are available: 8 Insufficient aws.amazon.com/neuroncore.|INSUFFICIENT_GPU",
        "0/2 nodes are available: 2 Insufficient google.com/tpu.|INSUFFICIENT_GPU",
        "0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.|PVC_UNBOUND",
        // lvm-localpv#265 class: the CSI driver reports no capacity for a WaitForFirstConsumer claim on the one node left
        "0/4 nodes are available: 1 node(s) did not have enough free storage, 1 node(s) had untolerated taint {k3s-controlplane: true}, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.|PVC_UNBOUND",
        "0/3 nodes are available: 3 node(s) did not have enough free storage.|PVC_UNBOUND",
        "pod has unbound immediate PersistentVolumeClaims (repeated 3 times)|PVC_UNBOUND",
        "0/3 nodes are available: 3 pod has unbound immediate PersistentVolumeClaims.|PVC_UNBOUND",
        "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) had volume node affinity conflict.|PVC_UNBOUND",
        // since 1.22 VolumeBinding words the conflict "didn't match PersistentVolume's node affinity": the claim's volume,
        // not the pod's selector; a local volume pins the pod to its node, so that node's taint (a pressure condition's,
        // a cordon's) is what blocks (junhyeong9812's k3s laptop under DiskPressure)
        "0/3 nodes are available: 3 node(s) didn't match PersistentVolume's node affinity.|PVC_UNBOUND",
        "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match PersistentVolume's node affinity. no new claims to deallocate|UNTOLERATED_TAINT",
        "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't match PersistentVolume's node affinity.|PVC_UNBOUND",
        // a zone's conflict pins no node: the volume sits in a zone without workers, beside the tainted masters (kops)
        "No nodes are available that match all of the predicates: NoVolumeZoneConflict (4), PodToleratesNodeTaints (3).|PVC_UNBOUND",
        "0/5 nodes are available: 2 node(s) had untolerated taint(s), 3 node(s) had no available volume zone.|PVC_UNBOUND",
        // NVIDIA KAI Scheduler's fit errors (the pod's Unschedulable event), in its own resource words
        "no nodes with enough resources were found: 1 node(s) didn't have enough resources: GPU memory.|INSUFFICIENT_GPU",
        "no nodes with enough resources were found: 10 node(s) didn't have enough resources: GPUs.|INSUFFICIENT_GPU",
        "Node didn't have enough resources: GPUs, requested: 1, used: 8, capacity: 8|INSUFFICIENT_GPU",
        "no nodes with enough resources were found: 2 node(s) didn't have enough resources: CPU cores.|INSUFFICIENT_RESOURCES",
        // KAI's pre-filter verdict, one "Predicate: error" per line (its MaxNodeResources predicate's own wordings)
        "Scheduling conditions were not met for pod slurm/slurm-worker-gpu-0: MaxNodePoolResources: The pod slurm/slurm-worker-gpu-0 requires GPU: 4, CPU: 0 (cores), memory: 0 (GB), pods: 1. No node in the default node-pool has GPU resources.|INSUFFICIENT_GPU",
        "Scheduling conditions were not met for pod n1/name1: MaxNodePoolResources: The pod n1/name1 requires GPU: 2, CPU: 0 (cores), memory: 0 (GB). Max GPU resources available in a single node in the default node-pool is topped at 1|INSUFFICIENT_GPU",
        "Scheduling conditions were not met for pod n1/name1: MaxNodePoolResources: The pod n1/name1 requires GPU: 0, CPU: 1 (cores), memory: 0 (GB). Max CPU resources available in a single node in the default node-pool is topped at 0.5 cores|INSUFFICIENT_RESOURCES",
        "Scheduling conditions were not met for pod jupyterhub/jupyter-ana: VolumeBinding: persistentvolumeclaim \"jupyterhub-shared-storage\" is being deleted.|PVC_UNBOUND",
        // older releases capitalised the sentence
        "No nodes with enough resources were found: 2 node(s) didn't have enough resources: GPUs.|INSUFFICIENT_GPU",
        // the VolumeZone filter: the claim's volume is in a zone whose node lacks room, the other node is elsewhere
        "0/3 nodes are available: 1 Insufficient memory, 1 node(s) had no available volume zone, 1 node(s) had taints that the pod didn't tolerate.|PVC_UNBOUND",
        "0/3 nodes are available: persistentvolumeclaim \"triton-models-pvc\" not found.|PVC_UNBOUND",
        "0/3 nodes are available: 3 node(s) didn't find available persistent volumes to bind.|PVC_UNBOUND",
        "0/1 nodes are available: 1 node(s) had untolerated taint {owner: ootcloud}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..|UNTOLERATED_TAINT",
        "0/3 nodes are available: 3 node(s) had taints that the pod didn't tolerate.|UNTOLERATED_TAINT",
        "0/3 nodes are available: 3 node(s) had untolerated taint(s).|UNTOLERATED_TAINT",
        "0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu.|INSUFFICIENT_RESOURCES",
        "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint(s). preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.|NODE_SELECTOR_MISMATCH",
        // before 1.18 taints were checked after the node selector: the nodes the selector picks are the tainted ones
        "0/23 nodes are available: 1 node(s) had taints that the pod didn't tolerate, 22 node(s) didn't match node selector.|UNTOLERATED_TAINT",
        "0/5 nodes are available: 3 node(s) didn't match node selector, 2 node(s) had taints that the pod didn't tolerate.|UNTOLERATED_TAINT",
        // since 1.18 a tainted node may not match the selector: an operator's taint (node.kubernetes.io/purpose is not
        // one of the taints Kubernetes sets, so not incidental) beside a selector mismatch leaves the selector first
        "0/5 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) had untolerated taint {node.kubernetes.io/purpose: infra}, 4 node(s) didn't match Pod's node affinity/selector. preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.|NODE_SELECTOR_MISMATCH",
        "0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/purpose: infra}, 2 Insufficient cpu.|INSUFFICIENT_RESOURCES",
        "0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/purpose: infra}.|UNTOLERATED_TAINT",
        // the platform's own taints beside it are incidental: the selector still blocks
        "0/4 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 3 node(s) didn't match Pod's node affinity/selector.|NODE_SELECTOR_MISMATCH",
        "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/master: }, 3 node(s) didn't match Pod's node affinity/selector.|NODE_SELECTOR_MISMATCH",
        // a provisioner's start-up taint beside a selector mismatch: the node brought up for the pod's pool kept it
        "0/5 nodes are available: 1 node(s) had taint {karpenter.sh/not-ready: }, that the pod didn't tolerate, 4 node(s) didn't match node selector.|UNTOLERATED_TAINT",
        "0/3 nodes are available: 1 node(s) had untolerated taint {node.cloudprovider.kubernetes.io/uninitialized: true}, 2 node(s) didn't match Pod's node affinity/selector.|UNTOLERATED_TAINT",
        // ... but not beside anything else: the start-up taint stays incidental
        "0/3 nodes are available: 1 node(s) had untolerated taint {karpenter.sh/unregistered: }, 2 Insufficient cpu.|INSUFFICIENT_RESOURCES",
        // ... and after resources too, but a tainted master beside full workers is the usual reading: resources block
        "0/3 nodes are available: 1 node(s) had taints that the pod didn't tolerate, 2 Insufficient cpu.|INSUFFICIENT_RESOURCES",
        // an unnamed taint does not prove the tainted node has GPUs: Node snapshots must (Clue.GPU_NODES_TAINTED)
        "0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient nvidia.com/gpu.|INSUFFICIENT_GPU",
        "0/4 nodes are available: 2 node(s) didn't match pod anti-affinity rules, 2 Insufficient cpu.|INSUFFICIENT_RESOURCES",
    })
    void categories(String message, Category expected) {
        assertThat(FailedSchedulingMessage.parse(message).category()).contains(expected);
    }

    /** KAI's pre-filter verdict keeps one reason per failed predicate, each without its key. */
    @Test
    void kaiPreFilterVerdictHasOneReasonPerPredicate() {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse("Scheduling conditions were not met for pod ml/probe:\n"
                + "PodFitsHostPorts: failed pre-predicate PodFitsHostPorts. Reasons: node(s) didn't have free ports\n"
                + "MaxNodePoolResources: The pod ml/probe requires GPU: 1, CPU: 0 (cores),\nmemory: 0 (GB), pods: 1, "
                + "nvidia.com/gpumem: 4096000.\nNo node in the default node-pool has nvidia.com/gpumem resources.");

        assertThat(m.reasons()).extracting(SchedulingReason::kind)
                .containsExactly(Kind.NODE_PORTS, Kind.INSUFFICIENT_RESOURCE);
        assertThat(m.reasons().get(1).resource()).isEqualTo("nvidia.com/gpumem");
        assertThat(m.reasons().get(0).raw()).startsWith("failed pre-predicate PodFitsHostPorts");
        assertThat(m.category()).contains(Category.INSUFFICIENT_GPU);
    }

    @Test
    void draSentenceBeforeThePreemptionTailIsNotAReason() {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse("0/6 nodes are available: 3 node(s) didn't match pod "
                + "affinity rules, 3 node(s) had untolerated taint(s). no new claims to deallocate, preemption: 0/6 "
                + "nodes are available: 6 Preemption is not helpful for scheduling.");

        assertThat(m.reasons()).extracting(SchedulingReason::raw)
                .containsExactly("3 node(s) didn't match pod affinity rules", "3 node(s) had untolerated taint(s)");
        assertThat(m.reasons().get(1).taint()).isNull();
        assertThat(m.preemption()).contains("0/6 nodes are available: 6 Preemption is not helpful for scheduling.");
    }

    @Test
    void autoscalerNotTriggerScaleUpListsTheSameReasonsPerNodeGroup() {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse("pod didn't trigger scale-up: 1 Insufficient "
                + "nvidia.com/gpu, 2 node(s) didn't match Pod's node affinity/selector, 1 max node group size reached");

        assertThat(m.total()).isZero();
        assertThat(m.reasons()).extracting(SchedulingReason::kind)
                .containsExactly(Kind.INSUFFICIENT_RESOURCE, Kind.NODE_SELECTOR_MISMATCH, Kind.OTHER);
        assertThat(m.category()).contains(Category.INSUFFICIENT_GPU);
        assertThat(FailedSchedulingMessage.parse("pod didn't trigger scale-up (it wouldn't fit if a new node is "
                + "added): 3 Insufficient memory").category()).contains(Category.INSUFFICIENT_RESOURCES);
    }

    @Test
    void pvcNameIsKept() {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse(
                "0/3 nodes are available: persistentvolumeclaim \"triton-models-pvc\" not found.");

        assertThat(m.reasons().get(0).kind()).isEqualTo(Kind.UNBOUND_PVC);
        assertThat(m.reasons().get(0).resource()).isEqualTo("triton-models-pvc");
        assertThat(m.reasons().get(0).nodes()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0/3 nodes are available: 3 node(s) had untolerated taint {node.kubernetes.io/not-ready: }.",
        "0/2 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 1 node(s) had untolerated taint {node.kubernetes.io/unschedulable: }.",
        "0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) were not ready.",
        "no nodes available to schedule pods",
        "",
    })
    void nodesThatAreDownHaveNoWorkloadCategory(String message) {
        assertThat(FailedSchedulingMessage.parse(message).category()).isEmpty();
    }

    /**
     * Every node left is cordoned (NodeUnschedulable's words, or the cordon's taint), none down: a drain or an upgrade
     * that cordoned every worker, masters beside them out for their role taint. Uncordoning is what lets the pod run.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "0/3 nodes are available: 3 node(s) were unschedulable.",
        "0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unschedulable: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
        "0/6 nodes are available: 3 node(s) had taint {node-role.kubernetes.io/master: true}, that the pod didn't tolerate, 3 node(s) were unschedulable.",
        "No nodes are available that match all of the following predicates:: NodeUnschedulable (2).",
    })
    void cordonedNodesAreTheBlockerWhenNothingButRolesIsLeft(String message) {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse(message);

        assertThat(m.category()).contains(Category.UNTOLERATED_TAINT);
        assertThat(m.facts().get(dev.incidents.analyzer.hints.Fact.TAINT)).contains("node.kubernetes.io/unschedulable");
        assertThat(m.facts().has(dev.incidents.analyzer.hints.Clue.NODES_CORDONED)).isTrue();
    }

    /** A cordon beside a reason the workload meets elsewhere is incidental, as before. */
    @Test
    void aCordonBesideAnotherReasonIsIncidental() {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse(
                "0/4 nodes are available: 1 node(s) were unschedulable, 3 Insufficient nvidia.com/gpu.");

        assertThat(m.category()).contains(Category.INSUFFICIENT_GPU);
        assertThat(m.facts().has(dev.incidents.analyzer.hints.Clue.NODES_CORDONED)).isFalse();
    }

    /**
     * The pod's own rules about other pods (InterPodAffinity, PodTopologySpread; 1.16-1.18's combined "didn't match pod
     * affinity/anti-affinity"): a rule of its spec that every node fails, as a node selector is. The filters run last,
     * so a node counted under them passed every other filter: they block before the resources of the other nodes.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.|POD_ANTI_AFFINITY",
        "0/3 nodes are available: 3 node(s) didn't satisfy existing pods anti-affinity rules.|POD_ANTI_AFFINITY",
        "0/1 nodes are available: 1 node(s) didn't match pod affinity/anti-affinity, 1 node(s) didn't satisfy existing pods anti-affinity rules.|POD_ANTI_AFFINITY",
        "0/3 nodes are available: 3 node(s) didn't match pod affinity rules.|POD_AFFINITY",
        "0/3 nodes are available: 3 node(s) didn't match pod topology spread constraints.|TOPOLOGY_SPREAD",
        "0/5 nodes are available: 2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match pod topology spread constraints (missing required label).|TOPOLOGY_SPREAD",
    })
    void podPlacementRulesAreANodeSelectorMismatch(String message, dev.incidents.analyzer.hints.Clue clue) {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse(message);

        assertThat(m.category()).contains(Category.NODE_SELECTOR_MISMATCH);
        assertThat(m.facts().has(clue)).isTrue();
    }

    /** Beside nodes short of room the pod's own spread rule is met once there is room: the room blocks. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0/4 nodes are available: 1 node(s) didn't match pod anti-affinity rules, 3 Insufficient nvidia.com/gpu.|INSUFFICIENT_GPU",
        "0/4 nodes are available: 2 node(s) didn't match pod anti-affinity rules, 2 Insufficient cpu.|INSUFFICIENT_RESOURCES",
    })
    void besideNodesShortOfRoomThePodsOwnSpreadRuleDoesNotBlock(String message, Category expected) {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse(message);

        assertThat(m.category()).contains(expected);
        assertThat(m.facts().has(dev.incidents.analyzer.hints.Clue.POD_ANTI_AFFINITY)).isFalse();
    }

    /** Beside nodes fenced off (selector, taint), the ones counted under the rule are those it may use: it blocks. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 node(s) didn't match pod anti-affinity rules.|POD_ANTI_AFFINITY",
        "0/4 nodes are available: 2 node(s) didn't match pod topology spread constraints, 2 node(s) had untolerated taint {dedicated: db}.|TOPOLOGY_SPREAD",
        "0/5 nodes are available: 2 node(s) didn't satisfy existing pods anti-affinity rules, 3 node(s) didn't match Pod's node affinity/selector.|POD_ANTI_AFFINITY",
    })
    void besideFencedNodesThePodsOwnRuleBlocks(String message, dev.incidents.analyzer.hints.Clue clue) {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse(message);

        assertThat(m.category()).contains(Category.NODE_SELECTOR_MISMATCH);
        assertThat(m.facts().has(clue)).isTrue();
    }

    /** NodeVolumeLimits and the pre-1.10 predicates: a node's attach limit is a per-node resource as its CPU is. */
    @ParameterizedTest
    @ValueSource(strings = {
        "0/3 nodes are available: 3 node(s) exceed max volume count.",
        "0/5 nodes are available: 2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) exceed max volume count. preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.",
        "No nodes are available that match all of the following predicates:: MaxEBSVolumeCount (4).",
    })
    void aVolumeAttachLimitIsInsufficientResources(String message) {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse(message);

        assertThat(m.category()).contains(Category.INSUFFICIENT_RESOURCES);
        assertThat(m.facts().get(dev.incidents.analyzer.hints.Fact.RESOURCE)).contains("attachable volumes");
        assertThat(m.facts().has(dev.incidents.analyzer.hints.Clue.VOLUME_ATTACH_LIMIT)).isTrue();
    }

    /** Before 1.13: the OutOfDisk condition's words, and a Ready condition gone Unknown. */
    @Test
    void olderNodeConditionWordsAreDiskPressureAndNotReady() {
        assertThat(FailedSchedulingMessage.parse("0/3 nodes are available: 3 node(s) were out of disk space.")
                .everyNodeUnderDiskPressure()).isTrue();
        assertThat(FailedSchedulingMessage.parse("0/2 nodes are available: 2 node(s) had unknown conditions.")
                .everyNodeNotReady()).isTrue();
    }

    /**
     * The control-plane nodes out for their role's taint beside workers all under one condition: the workers' condition
     * is the cluster's. A start-up taint is no role, and a worker out for something else leaves it open.
     */
    @Test
    void workersAllUnderOneConditionBesideTheControlPlane() {
        assertThat(FailedSchedulingMessage.parse("0/3 nodes are available: 1 node(s) had taint "
                + "{node-role.kubernetes.io/master: }, that the pod didn't tolerate, 2 node(s) had taint "
                + "{node.kubernetes.io/disk-pressure: }, that the pod didn't tolerate.").everyNodeUnderDiskPressure())
                .isTrue();
        assertThat(FailedSchedulingMessage.parse("0/4 nodes are available: 1 node(s) had untolerated taint "
                + "{node-role.kubernetes.io/control-plane: }, 3 node(s) had untolerated taint "
                + "{node.kubernetes.io/unreachable: }.").everyNodeNotReady()).isTrue();
        assertThat(FailedSchedulingMessage.parse("0/3 nodes are available: 1 Insufficient cpu, 1 node(s) had taint "
                + "{node-role.kubernetes.io/master: }, that the pod didn't tolerate, 1 node(s) had taint "
                + "{node.kubernetes.io/disk-pressure: }, that the pod didn't tolerate.").everyNodeUnderDiskPressure())
                .isFalse();
        assertThat(FailedSchedulingMessage.parse("0/1 nodes are available: 1 node(s) had untolerated taint "
                + "{node-role.kubernetes.io/control-plane: }.").everyNodeNotReady()).isFalse();
    }

    /** 1.4-1.5's second line alone (a describe row or a log that kept it): its counted predicates. */
    @Test
    void theFitFailureSummaryLineAloneIsRead() {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse(
                "fit failure summary on nodes : Insufficient alpha.kubernetes.io/nvidia-gpu (2)");

        assertThat(m.category()).contains(Category.INSUFFICIENT_GPU);
        assertThat(m.acceleratorResource()).contains("alpha.kubernetes.io/nvidia-gpu");
    }

    @Test
    void otherKindsAreRecognised() {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse("0/9 nodes are available: 1 node(s) were "
                + "unschedulable, 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }, 1 node(s) didn't "
                + "match pod affinity rules, 1 node(s) didn't match pod anti-affinity rules, 1 node(s) didn't satisfy "
                + "existing pods anti-affinity rules, 1 node(s) didn't match pod topology spread constraints, "
                + "1 node(s) didn't have free ports for the requested pod ports, 1 node(s) had volume node affinity "
                + "conflict, 1 node(s) exceed max volume count.");

        assertThat(m.reasons()).extracting(SchedulingReason::kind).containsExactly(Kind.NODE_UNSCHEDULABLE,
                Kind.NODE_NOT_READY, Kind.POD_AFFINITY, Kind.POD_ANTI_AFFINITY, Kind.POD_ANTI_AFFINITY,
                Kind.TOPOLOGY_SPREAD, Kind.NODE_PORTS, Kind.VOLUME_NODE_AFFINITY_CONFLICT, Kind.VOLUME_LIMIT);
        assertThat(m.reasons()).allSatisfy(r -> assertThat(r.nodes()).isEqualTo(1));
    }

    @Test
    void countsAreClampedToTheTotalAndAMessageWithoutPrefixCountsNoNodes() {
        assertThat(FailedSchedulingMessage.parse("0/2 nodes are available: 5 Insufficient cpu.").reasons().get(0)
                .nodes()).isEqualTo(2);
        FailedSchedulingMessage bare = FailedSchedulingMessage.parse("pod has unbound immediate PersistentVolumeClaims");
        assertThat(bare.total()).isZero();
        assertThat(bare.reasons()).singleElement().extracting(SchedulingReason::nodes).isEqualTo(0);
    }

    @Test
    void aMessageCutAt1024CharactersIsMarkedTruncatedAndStillParsed() {
        StringBuilder b = new StringBuilder("0/300 nodes are available: 100 Insufficient nvidia.com/gpu");
        int i = 0;
        while (b.length() < 1024) {
            b.append(", 1 node(s) had untolerated taint {pool-").append(i++).append(": x}");
        }
        FailedSchedulingMessage m = FailedSchedulingMessage.parse(b.substring(0, 1024));

        assertThat(m.truncated()).isTrue();
        assertThat(m.total()).isEqualTo(300);
        assertThat(m.category()).contains(Category.INSUFFICIENT_GPU);
    }

    /** volcano#2907: Volcano says "unavailable", and its vGPU filter's own words for a node short of cards. */
    @Test
    void volcanosWordingForANodeShortOfGpuCards() {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse("0/1 nodes are unavailable: 1 no enough gpu cards on node .");

        assertThat(m.total()).isEqualTo(1);
        assertThat(m.category()).contains(Category.INSUFFICIENT_GPU);
    }

    @ParameterizedTest
    @CsvSource({
        "nvidia.com/gpu,true", "nvidia.com/mig-3g.20gb,true", "nvidia.com/gpu.shared,true", "amd.com/gpu,true",
        "gpu.intel.com/i915,true", "aws.amazon.com/neuron,true", "aws.amazon.com/neuroncore,true",
        "google.com/tpu,true", "habana.ai/gaudi,true", "cpu,false", "memory,false", "ephemeral-storage,false",
        "hugepages-2Mi,false", "example.com/foo,false",
        // Kubernetes 1.6/1.7 alpha GPUs, and the sharing and virtualisation plugins' own names
        "alpha.kubernetes.io/nvidia-gpu,true", "nvidia.com/gpumem,true", "aliyun.com/gpu-mem,true",
        "tencent.com/vcuda-core,true", "volcano.sh/vgpu-number,true", "huawei.com/Ascend910,true",
        "cambricon.com/mlu,true",
        // a GPU's device files as generic device plugins publish them (minikube's AI playground: squat.ai/dri)
        "squat.ai/dri,true", "devic.es/dri,true", "squat.ai/kfd,true", "example.com/hydrid,false",
        // NVIDIA's network operator: RDMA devices are not accelerators
        "nvidia.com/rdma_shared_device_a,false", "nvidia.com/hostdev,false", "intel.com/sgx,false"})
    void accelerators(String resource, boolean expected) {
        assertThat(FailedSchedulingMessage.isAccelerator(resource)).isEqualTo(expected);
        assertThat(FailedSchedulingMessage.isAccelerator(null)).isFalse();
    }

    /** optscale#568 (a single-node kubeadm cluster whose kubelet stopped posting) and the older wording. */
    @Test
    void everyNodeDownIsNotTheWorkloadsFit() {
        assertThat(FailedSchedulingMessage.parse("0/1 nodes are available: 1 node(s) had untolerated taint "
                + "{node.kubernetes.io/unreachable: }. preemption: 0/1 nodes are available: 1 Preemption is not "
                + "helpful for scheduling.").everyNodeNotReady()).isTrue();
        assertThat(FailedSchedulingMessage.parse("0/3 nodes are available: 3 node(s) were not ready.")
                .everyNodeNotReady()).isTrue();
        assertThat(FailedSchedulingMessage.parse("0/3 nodes are available: 1 node(s) had untolerated taint "
                + "{node.kubernetes.io/unreachable: }, 2 Insufficient nvidia.com/gpu.").everyNodeNotReady()).isFalse();
        assertThat(FailedSchedulingMessage.parse("pod didn't trigger scale-up: 1 node(s) were not ready")
                .everyNodeNotReady()).isFalse();
    }

    /** vault-helm#936: the volumes of the node it picked were never bound: the claim, not the node, blocks. */
    @Test
    void volumeBindingTimedOutInPreBindIsAnUnboundClaim() {
        assertThat(FailedSchedulingMessage.parse("running PreBind plugin \"VolumeBinding\": binding volumes: timed out "
                + "waiting for the condition").category()).contains(Category.PVC_UNBOUND);
        assertThat(FailedSchedulingMessage.parse("running PreBind plugin \"VolumeBinding\": binding volumes: pod does "
                + "not exist any more: pod \"web-0\" not found").category()).isEmpty();
        // before 1.19 the scheduler's own words (tidb-operator#2256)
        assertThat(FailedSchedulingMessage.parse("Failed to bind volumes: provisioning failed for PVC \"pd-plain-cr-pd-4\"")
                .category()).contains(Category.PVC_UNBOUND);
    }

    /** usernetes#155: every node out for disk, the condition's taint or the old predicate's words: not the pod's fit. */
    @Test
    void everyNodeOutOfDiskIsNotTheWorkloadsFit() {
        FailedSchedulingMessage tainted = FailedSchedulingMessage.parse("0/1 nodes are available: 1 node(s) had taint "
                + "{node.kubernetes.io/disk-pressure: }, that the pod didn't tolerate.");
        assertThat(tainted.everyNodeUnderDiskPressure()).isTrue();
        assertThat(tainted.everyNodeNotReady()).isFalse();
        assertThat(tainted.category()).as("a system taint is no workload's blocker").isEmpty();
        assertThat(FailedSchedulingMessage.parse("0/3 nodes are available: 3 node(s) had disk pressure.")
                .everyNodeUnderDiskPressure()).isTrue();
        assertThat(FailedSchedulingMessage.parse("0/3 nodes are available: 1 node(s) had untolerated taint "
                + "{node.kubernetes.io/disk-pressure: }, 2 Insufficient nvidia.com/gpu.").everyNodeUnderDiskPressure())
                .as("the GPU nodes are full, not out of disk").isFalse();
        assertThat(FailedSchedulingMessage.parse("0/2 nodes are available: 2 node(s) had untolerated taint "
                + "{node.kubernetes.io/memory-pressure: }.").everyNodeUnderDiskPressure()).isFalse();
    }

    /** HAMi#591: HAMi's extender filters nodes by their devices only; its verdict is a GPU shortage. */
    @Test
    void hamisFilteringVerdictIsAnAcceleratorShortage() {
        FailedSchedulingMessage verdict = FailedSchedulingMessage.parse("no available node, all node scores do not meet");
        assertThat(verdict.category()).contains(Category.INSUFFICIENT_GPU);
        assertThat(FailedSchedulingMessage.isDeviceFilterVerdict("no available node, 2 nodes do not meet")).isTrue();
        assertThat(FailedSchedulingMessage.isDeviceFilterVerdict("calcScore failed unknown device for pod p")).isFalse();
        assertThat(FailedSchedulingMessage.isDeviceFilterVerdict("3 nodes CardInsufficientMemory(node-a,node-b,node-c)"))
                .as("its per-reason events").isTrue();
        // HAMi#1800: through the extender, the scheduler's own verdict carries HAMi's per-node reason
        assertThat(FailedSchedulingMessage.parse("0/3 nodes are available: 1 node unregistered").category())
                .contains(Category.INSUFFICIENT_GPU);
    }

    /** modelplane#306: dynamic resource allocation's words; the devices DRA drivers publish today are accelerators. */
    @Test
    void draClaimsThatCannotBeAllocated() {
        assertThat(FailedSchedulingMessage.parse("0/3 nodes are available: 3 cannot allocate all claims.").category())
                .contains(Category.INSUFFICIENT_GPU);
        assertThat(FailedSchedulingMessage.parse("cannot allocate all claims").acceleratorResource())
                .contains(FailedSchedulingMessage.DRA_DEVICES);
    }

    /** karpenter-provider-aws#644: the node provisioned for the pod keeps Karpenter's start-up taint; the cause says so. */
    @Test
    void aStartupTaintLeftOnTheProvisionedNodeIsItsCause() {
        FailedSchedulingMessage startup = FailedSchedulingMessage.parse("0/5 nodes are available: 1 node(s) had taint "
                + "{karpenter.sh/not-ready: }, that the pod didn't tolerate, 4 node(s) didn't match node selector.");
        assertThat(startup.facts().clues()).contains(dev.incidents.analyzer.hints.Clue.STARTUP_TAINT_LEFT);
        assertThat(startup.facts().get(dev.incidents.analyzer.hints.Fact.TAINT)).contains("karpenter.sh/not-ready");
    }

    /** netdata-helmchart#362, klipper-lb#41: a node's host ports are a per-node resource, as its pod slots are. */
    @Test
    void hostPortsTakenOnEveryNode() {
        FailedSchedulingMessage ports = FailedSchedulingMessage.parse("0/3 nodes are available: 3 node(s) didn't have "
                + "free ports for the requested pod ports.");
        assertThat(ports.category()).contains(Category.INSUFFICIENT_RESOURCES);
        assertThat(ports.facts().clues()).contains(dev.incidents.analyzer.hints.Clue.HOST_PORT_IN_USE);
        assertThat(FailedSchedulingMessage.parse("0/5 nodes are available: 1 node(s) didn't match node selector, "
                + "4 node(s) didn't have free ports for the requested pod ports.").category())
                .as("the nodes the selector leaves have the port taken").contains(Category.INSUFFICIENT_RESOURCES);
    }

    /**
     * eks-workshop#1169, kkamji98's t4g.small notes: a node's pod capacity (maxPods; the VPC CNI's addresses per
     * instance type) is no request of the pod's: the verdict says pod slots, in either release's words.
     */
    @Test
    void everyNodeAtItsPodLimit() {
        for (String verdict : java.util.List.of("0/2 nodes are available: 2 Too many pods.",
                "0/3 nodes are available: 3 Insufficient pods.",
                "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, "
                        + "3 Too many pods. preemption: 0/4 nodes are available: 1 Preemption is not helpful for "
                        + "scheduling, 3 No preemption victims found for incoming pod.")) {
            FailedSchedulingMessage full = FailedSchedulingMessage.parse(verdict);
            assertThat(full.category()).as(verdict).contains(Category.INSUFFICIENT_RESOURCES);
            assertThat(full.facts().clues()).as(verdict).contains(dev.incidents.analyzer.hints.Clue.NODE_POD_LIMIT);
            assertThat(full.facts().get(dev.incidents.analyzer.hints.Fact.RESOURCE)).contains("pod slots");
        }
        assertThat(FailedSchedulingMessage.parse("0/41 nodes are available: 2 Insufficient pods, 35 Insufficient cpu, "
                + "4 Insufficient memory.").facts().clues()).as("the nodes short of cpu are the most")
                .doesNotContain(dev.incidents.analyzer.hints.Clue.NODE_POD_LIMIT);
    }

    /** ai-on-eks#112, karpenter#8068 (shapes): Karpenter's verdict names why each node pool cannot take the pod. */
    @Test
    void karpentersVerdictPerNodePool() {
        assertThat(FailedSchedulingMessage.parse("Failed to schedule pod, incompatible with nodepool \"x86\", daemonset "
                + "overhead={\"cpu\":\"1576m\",\"pods\":\"17\"}, incompatible requirements, label \"workload\" does not "
                + "have known values").category()).contains(Category.NODE_SELECTOR_MISMATCH);
        assertThat(FailedSchedulingMessage.parse("Failed to schedule pod, incompatible with nodepool \"gpu\", daemonset "
                + "overhead={\"cpu\":\"200m\"}, did not tolerate nvidia.com/gpu=true:NoSchedule").category())
                .contains(Category.UNTOLERATED_TAINT);
        FailedSchedulingMessage capacity = FailedSchedulingMessage.parse("Failed to schedule pod, incompatible with "
                + "nodepool \"gpu\", daemonset overhead={\"cpu\":\"200m\"}, no instance type satisfied resources "
                + "{\"cpu\":\"4\",\"nvidia.com/gpu\":\"8\",\"pods\":\"1\"} and requirements karpenter.sh/capacity-type In "
                + "[on-demand]");
        assertThat(capacity.category()).contains(Category.INSUFFICIENT_GPU);
        assertThat(capacity.acceleratorResource()).contains("nvidia.com/gpu");
    }

    /**
     * Karpenter v1 names a pool's taint as {@code did not tolerate taint (taint=key=value:effect)}. A managed cluster's
     * system pool ({@code CriticalAddonsOnly}) is reserved for add-ons as masters are: beside a label no pool offers,
     * the label is what keeps a node from being made for the pod; alone, the reservation is what the pod meets.
     */
    @Test
    void karpenterV1TaintWordingAndTheSystemPoolsReservation() {
        FailedSchedulingMessage systemPool = FailedSchedulingMessage.parse("Failed to schedule pod, did not tolerate "
                + "taint (taint=CriticalAddonsOnly=true:NoSchedule);\nincompatible requirements, label \"agentpool\" does "
                + "not have known values");
        assertThat(systemPool.category()).contains(Category.NODE_SELECTOR_MISMATCH);
        FailedSchedulingMessage poolTaint = FailedSchedulingMessage.parse("Failed to schedule pod, did not tolerate taint "
                + "(taint=arch=arm64:NoSchedule)");
        assertThat(poolTaint.category()).contains(Category.UNTOLERATED_TAINT);
        assertThat(poolTaint.ranked().get(0).taint()).isEqualTo("arch=arm64:NoSchedule");
        assertThat(FailedSchedulingMessage.parse("Failed to schedule pod, did not tolerate taint "
                + "(taint=CriticalAddonsOnly:NoSchedule)").category()).contains(Category.UNTOLERATED_TAINT);
    }

    /** kubernetes#11453 and its era: the 1.0-1.5 scheduler named its failed predicates. */
    @Test
    void theFirstSchedulersPredicateNames() {
        assertThat(FailedSchedulingMessage.parse("Failed for reason PodFitsResources and possibly others").category())
                .contains(Category.INSUFFICIENT_RESOURCES);
        FailedSchedulingMessage cpu = FailedSchedulingMessage.parse("pod (web-1) failed to fit in any node\nfit failure "
                + "on node (node-1): PodExceedsFreeCPU");
        assertThat(cpu.category()).contains(Category.INSUFFICIENT_RESOURCES);
        assertThat(cpu.facts().get(dev.incidents.analyzer.hints.Fact.RESOURCE)).contains("cpu");
        assertThat(FailedSchedulingMessage.parse("Failed for reason PodFitsPorts and possibly others").category())
                .contains(Category.INSUFFICIENT_RESOURCES);
    }
}
