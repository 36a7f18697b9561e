package dev.incidents.analyzer.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.Kube;
import dev.incidents.schemas.Condition;
import dev.incidents.schemas.Container;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.Probe;
import dev.incidents.schemas.Taint;
import dev.incidents.schemas.Toleration;
import java.nio.ByteBuffer;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalProjectionTest {

    static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");
    private static final EqualityModel MODEL = new EqualityModel();

    static {
        MODEL.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    }

    /** A GPU pod with what a real one carries besides what the detectors read. */
    static PodSnapshot fullPod() {
        PodSnapshot pod = Kube.pod("triton", "triton-79569cfbbc-m2wcc", "ip-10-0-1-149.ec2.internal", T0, "Running",
                Kube.running(T0.minusSeconds(30)), Kube.terminated("OOMKilled", 137, T0.minusSeconds(40)), 3, false);
        Container app = Container.newBuilder(pod.getContainers().get(0))
                .setRequests(Map.of("cpu", "4", "memory", "16Gi", "nvidia.com/gpu", "1"))
                .setLimits(Map.of("memory", "16Gi", "nvidia.com/gpu", "1"))
                .setProbes(List.of(Probe.newBuilder().setKind("liveness").setHandler("httpGet :8000/v2/health/live")
                        .setInitialDelaySeconds(60).setPeriodSeconds(10).setTimeoutSeconds(1).setFailureThreshold(3)
                        .setSuccessThreshold(1).build()))
                .setStarted(true)
                .build();
        Container init = Container.newBuilder().setName("model-download").setImage("amazon/aws-cli:2.15.0")
                .setLimits(Map.of("cpu", "1")).setRestartCount(0).setReady(false)
                .setState(Kube.terminated("Completed", 0, T0.minusSeconds(50))).build();
        return PodSnapshot.newBuilder(pod)
                .setUid("7d0c1c52-4a0e-4f4f-9d0e-2f1a7d9b0a11")
                .setCreationTimestamp(T0.minusSeconds(120))
                .setDeletionTimestamp(T0.plusSeconds(30))
                .setLabels(Map.of("pod-template-hash", "79569cfbbc", "app.kubernetes.io/name", "triton",
                        "app.kubernetes.io/instance", "triton-prod", "team", "inference"))
                .setReason("Evicted").setMessage("The node was low on resource: memory.")
                .setInitContainers(List.of(init))
                .setContainers(List.of(app))
                .setNodeSelector(Map.of("nvidia.com/gpu.product", "NVIDIA-A100-SXM4-80GB"))
                .setAffinity("{\"nodeAffinity\":{\"requiredDuringSchedulingIgnoredDuringExecution\":{}}}")
                .setTolerations(List.of(Toleration.newBuilder().setKey("nvidia.com/gpu").setOperator("Exists")
                        .setEffect("NoSchedule").build()))
                .setPvcNames(List.of("model-cache"))
                .setServiceAccountName("triton").setRuntimeClassName("nvidia").setPriorityClassName("inference-high")
                .setSchedulerName("default-scheduler").setQosClass("Burstable")
                .build();
    }

    static NodeSnapshot fullNode() {
        Map<String, String> resources = Map.of("cpu", "96", "memory", "1148Gi", "pods", "110", "nvidia.com/gpu", "8");
        return NodeSnapshot.newBuilder(Kube.node("ip-10-0-1-149.ec2.internal", T0, resources))
                .setUid("59657385-8866-5eeb-9e4f-02e988145f7a")
                .setAllocatable(Map.of("cpu", "95690m", "memory", "1130Gi", "pods", "110", "nvidia.com/gpu", "7"))
                .setLabels(Map.of("kubernetes.io/hostname", "ip-10-0-1-149.ec2.internal",
                        "node.kubernetes.io/instance-type", "p4d.24xlarge"))
                .setTaints(List.of(Taint.newBuilder().setKey("nvidia.com/gpu").setEffect("NoSchedule").build()))
                .setConditions(List.of(Condition.newBuilder().setType("Ready").setStatus("True")
                                .setReason("KubeletReady").setMessage("kubelet is posting ready status")
                                .setLastTransitionTime(T0.minusSeconds(3600)).build(),
                        Condition.newBuilder().setType("GpuXid").setStatus("True").setReason("Xid79")
                                .setMessage("GPU has fallen off the bus").build()))
                .setUnschedulable(true)
                .setKubeletVersion("v1.32.1-eks-5d632ec").setContainerRuntimeVersion("containerd://1.7.25")
                .build();
    }

    /** GANG_PARTIALLY_PLACED reads the label naming a pod's gang; the pod's other labels still go. */
    @Test
    void a_pod_keeps_the_label_naming_its_gang() {
        PodSnapshot member = PodSnapshot.newBuilder(fullPod())
                .setLabels(Map.of("scheduling.x-k8s.io/pod-group", "llama-70b-ft",
                        "training.kubeflow.org/job-name", "llama-70b-ft", "training.kubeflow.org/replica-index", "2"))
                .setSchedulerName("scheduler-plugins-scheduler")
                .build();

        PodSnapshot kept = SignalProjection.pod(member);

        assertThat(kept.getLabels()).isEqualTo(Map.of("scheduling.x-k8s.io/pod-group", "llama-70b-ft"));
        assertThat(GangLabels.group(kept)).contains("scheduling.x-k8s.io/pod-group=llama-70b-ft");
        assertThat(GangLabels.group(SignalProjection.pod(PodSnapshot.newBuilder(fullPod())
                .setLabels(Map.of("pod-template-hash", "79569cfbbc", "volcano.sh/job-name", "bert-pretrain")).build())))
                .as("a Volcano Job's pods").contains("volcano.sh/job-name=bert-pretrain");
        assertThat(GangLabels.group(SignalProjection.pod(fullPod()))).as("a Deployment's pod is no gang").isEmpty();
        PodSnapshot annotated = SignalProjection.pod(PodSnapshot.newBuilder(fullPod()).setGroupName("lws-llama-0").build());
        assertThat(GangLabels.group(annotated)).as("Volcano's group-name annotation")
                .contains("scheduling.k8s.io/group-name=lws-llama-0");
        assertThat(GangLabels.selectable(GangLabels.group(annotated).orElseThrow())).isFalse();
        assertThat(GangLabels.groupObject("scheduling.k8s.io/group-name=lws-llama-0"))
                .contains("podgroups.scheduling.volcano.sh/lws-llama-0");
    }

    @Test
    void a_pod_keeps_what_the_detectors_read() {
        PodSnapshot full = fullPod();
        PodSnapshot kept = SignalProjection.pod(full);

        assertThat(kept.getCluster()).isEqualTo(full.getCluster());
        assertThat(kept.getNamespace()).isEqualTo(full.getNamespace());
        assertThat(kept.getName()).isEqualTo(full.getName());
        assertThat(kept.getObservedAt()).isEqualTo(full.getObservedAt());
        assertThat(kept.getDeletionTimestamp()).as("a pod being deleted is no crash loop")
                .isEqualTo(T0.plusSeconds(30));
        assertThat(kept.getLabels()).isEqualTo(Map.of("pod-template-hash", "79569cfbbc"));
        assertThat(kept.getOwners()).isEqualTo(full.getOwners());
        assertThat(kept.getPhase()).isEqualTo("Running");
        assertThat(kept.getReason()).isEqualTo("Evicted");
        assertThat(kept.getMessage()).isEqualTo(full.getMessage());
        assertThat(kept.getNodeName()).isEqualTo(full.getNodeName());
        assertThat(kept.getConditions()).isEqualTo(full.getConditions());

        Container app = kept.getContainers().get(0);
        Container fullApp = full.getContainers().get(0);
        assertThat(app.getName()).isEqualTo(fullApp.getName());
        assertThat(app.getImage()).isEqualTo(fullApp.getImage());
        assertThat(app.getLimits()).isEqualTo(Map.of("memory", "16Gi", "nvidia.com/gpu", "1"));
        assertThat(app.getProbes()).isEqualTo(fullApp.getProbes());
        assertThat(app.getReady()).isEqualTo(fullApp.getReady());
        assertThat(app.getRestartCount()).isEqualTo(3);
        assertThat(kept.getCreationTimestamp()).as("how young a restarting pod is").isEqualTo(full.getCreationTimestamp());
        assertThat(app.getState()).isEqualTo(fullApp.getState());
        assertThat(app.getLastState()).isEqualTo(fullApp.getLastState());
        assertThat(kept.getInitContainers()).extracting(Container::getName, Container::getState)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("model-download",
                        full.getInitContainers().get(0).getState()));
    }

    @Test
    void a_pod_leaves_out_what_no_detector_reads() throws Exception {
        PodSnapshot kept = SignalProjection.pod(fullPod());

        assertThat(kept.getUid()).isNull();
        assertThat(kept.getNodeSelector()).isEmpty();
        assertThat(kept.getAffinity()).isNull();
        assertThat(kept.getTolerations()).isEmpty();
        assertThat(kept.getPvcNames()).isEmpty();
        assertThat(kept.getServiceAccountName()).isNull();
        assertThat(kept.getRuntimeClassName()).isNull();
        assertThat(kept.getPriorityClassName()).isNull();
        assertThat(kept.getSchedulerName()).isNull();
        assertThat(kept.getQosClass()).isNull();
        assertThat(kept.getContainers().get(0).getRequests()).isEmpty();
        assertThat(kept.getContainers().get(0).getStarted()).isNull();
        assertThat(kept.getInitContainers().get(0).getLimits()).isEmpty();
        assertThat(kept.toByteBuffer().remaining()).isLessThan(fullPod().toByteBuffer().remaining() * 2 / 3);
    }

    /** A selector or affinity naming one node is kept, as that name only (UNTOLERATED_TAINT of a pinned pod). */
    @Test
    void a_pod_keeps_the_node_it_is_pinned_to() {
        PodSnapshot bySelector = SignalProjection.pod(PodSnapshot.newBuilder(fullPod())
                .setNodeSelector(Map.of("kubernetes.io/hostname", "solomon", "disktype", "ssd")).build());
        assertThat(bySelector.getNodeSelector()).isEqualTo(Map.of("kubernetes.io/hostname", "solomon"));
        assertThat(NodePin.of(bySelector)).contains("solomon");

        PodSnapshot daemonSetPod = SignalProjection.pod(PodSnapshot.newBuilder(fullPod())
                .setAffinity("metadata.name In (gpu-node-7)").build());
        assertThat(NodePin.of(daemonSetPod)).contains("gpu-node-7");

        assertThat(NodePin.of(SignalProjection.pod(PodSnapshot.newBuilder(fullPod())
                .setAffinity("kubernetes.io/hostname In (gpu-node-7) OR kubernetes.io/hostname In (gpu-node-8)")
                .build()))).as("two terms, two nodes").isEmpty();
        assertThat(NodePin.of(SignalProjection.pod(PodSnapshot.newBuilder(fullPod())
                .setAffinity("kubernetes.io/hostname In (gpu-node-7, gpu-node-8)").build()))).isEmpty();
        assertThat(NodePin.of(SignalProjection.pod(fullPod()))).as("a GPU product selector pins no node").isEmpty();
    }

    @Test
    void a_node_keeps_its_conditions_and_accelerators_only() {
        NodeSnapshot full = fullNode();
        NodeSnapshot kept = SignalProjection.node(full);

        assertThat(kept.getCluster()).isEqualTo(full.getCluster());
        assertThat(kept.getName()).isEqualTo(full.getName());
        assertThat(kept.getObservedAt()).isEqualTo(full.getObservedAt());
        assertThat(kept.getConditions()).isEqualTo(full.getConditions());
        assertThat(kept.getUnschedulable()).isTrue();
        assertThat(kept.getCapacity()).isEqualTo(Map.of("nvidia.com/gpu", "8"));
        assertThat(kept.getAllocatable()).isEqualTo(Map.of("nvidia.com/gpu", "7"));
        assertThat(kept.getUid()).isNull();
        assertThat(kept.getLabels()).isEmpty();
        assertThat(kept.getTaints()).isEmpty();
        assertThat(kept.getKubeletVersion()).isNull();
        assertThat(kept.getContainerRuntimeVersion()).isNull();
    }

    @Test
    void projected_snapshots_cross_the_repartition_topic_unchanged() throws Exception {
        PodSnapshot pod = SignalProjection.pod(fullPod());
        NodeSnapshot node = SignalProjection.node(fullNode());

        byte[] podFrame = SignalFrames.signal(2, PodObserved.of(pod));
        assertThat(SignalFrames.inputPartition(podFrame)).isEqualTo(2);
        assertSameRecord(((PodObserved) SignalFrames.signal(podFrame)).snapshot(), pod);
        assertSameRecord(((NodeObserved) SignalFrames.signal(SignalFrames.signal(1, NodeObserved.of(node)))).snapshot(),
                node);
    }

    /** A frame written before the projection (an analyzer upgraded mid-backlog reads them) still decodes as it was. */
    @Test
    void frames_of_whole_snapshots_still_decode() throws Exception {
        PodSnapshot pod = fullPod();
        NodeSnapshot node = fullNode();
        // as the frames were written before: partition, tag, then the record's own single-object encoding
        byte[] podFrame = oldFrame(0, 'P', pod.toByteBuffer());
        byte[] nodeFrame = oldFrame(0, 'N', node.toByteBuffer());

        assertSameRecord(((PodObserved) SignalFrames.signal(podFrame)).snapshot(), pod);
        assertSameRecord(((NodeObserved) SignalFrames.signal(nodeFrame)).snapshot(), node);
        // and a whole snapshot is still written the same way (the projection is applied before, where signals are made)
        assertThat(SignalFrames.signal(0, PodObserved.of(pod))).isEqualTo(podFrame);
    }

    /**
     * Field by field with the timestamp conversion: the generated {@code equals} compares decoded arrays through
     * Avro's default model, which cannot compare the timestamps inside them.
     */
    private static void assertSameRecord(SpecificRecord actual, SpecificRecord expected) {
        assertThat(MODEL.same(actual, expected)).as(actual + " vs " + expected).isTrue();
    }

    /** Avro's comparison in equality mode (maps included), with the timestamp conversion. */
    private static final class EqualityModel extends SpecificData {
        boolean same(SpecificRecord a, SpecificRecord b) {
            return compare(a, b, b.getSchema(), true) == 0;
        }
    }

    private static byte[] oldFrame(int partition, char tag, ByteBuffer record) {
        return ByteBuffer.allocate(5 + record.remaining()).putInt(partition).put((byte) tag).put(record).array();
    }
}
