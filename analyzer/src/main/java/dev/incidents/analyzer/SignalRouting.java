package dev.incidents.analyzer;

import dev.incidents.analyzer.messages.FailedSchedulingMessage;
import dev.incidents.analyzer.messages.ImagePullFailure;
import dev.incidents.analyzer.messages.NodeDiskFull;
import dev.incidents.analyzer.messages.TaintEviction;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.GroupObserved;
import dev.incidents.analyzer.signal.NodeDeleted;
import dev.incidents.analyzer.signal.NodeObserved;
import dev.incidents.analyzer.signal.PodDeleted;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.analyzer.signal.SignalProjection;
import dev.incidents.analyzer.signal.UnschedulableCondition;
import dev.incidents.recordings.ExtensionKinds;
import dev.incidents.recordings.Unnamed;
import dev.incidents.schemas.Container;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.ObjectRef;
import dev.incidents.schemas.PodGroupSnapshot;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.schemas.TopicKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;

/**
 * Re-keys inputs by the subject they are evidence about: a workload (Pods and ReplicaSets lifted to their top owner)
 * or a node. A disk-full image pull is evidence about both its workload and its node, so it goes to both.
 * Events about kinds no detector reads (ConfigMaps, Services, HPAs, ...) are not routed.
 */
public final class SignalRouting {

    private static final Set<String> WORKLOAD_KINDS = Set.of("Pod", "ReplicaSet", "Deployment", "StatefulSet",
            "DaemonSet", "Job", "CronJob", "PersistentVolumeClaim", "ReplicationController");

    private SignalRouting() {
    }

    public static List<KeyValue<String, Signal>> event(String key, KubeEvent event) {
        return event(key, event, podKey -> Optional.empty());
    }

    /** {@code ownerOf} names the workload subject of a pod (by {@code cluster/namespace/pod}) where one is known. */
    public static List<KeyValue<String, Signal>> event(String key, KubeEvent event,
                                                       java.util.function.Function<String, Optional<String>> ownerOf) {
        List<KeyValue<String, Signal>> out = new ArrayList<>(2);
        ObjectRef involved = event.getInvolvedObject();
        EventSignal signal = EventSignal.of(event);
        String cluster = event.getCluster();
        if ("Node".equals(involved.getKind())) {
            out.add(KeyValue.pair(Subject.node(cluster, involved.getName()).key(), signal));
            return out;
        }
        if (!WORKLOAD_KINDS.contains(involved.getKind()) && !isCustomResource(involved)) {
            return out;
        }
        String namespace = involved.getNamespace() != null ? involved.getNamespace() : event.getNamespace();
        // an event a controller reissued from one of its pods is about that pod: it joins the pod's own evidence
        String kind = signal.pod().isPresent() ? "Pod" : involved.getKind();
        String name = signal.pod().orElse(involved.getName());
        Optional<String> owner = PodOwners.podKeyOf(signal).flatMap(ownerOf);
        out.add(KeyValue.pair(owner.orElseGet(() -> {
            WorkloadResolver.Workload w = WorkloadResolver.ofInvolvedObject(kind, name);
            return Subject.workload(cluster, namespace, w.kind(), w.name()).key();
        }), signal));
        if ("Pod".equals(involved.getKind()) && signal.node().isPresent()
                && (isDiskFullPull(event) || NodeDiskFull.parse(event.getMessage()).isPresent()
                        || "NodeNotReady".equals(event.getReason()))) {
            out.add(KeyValue.pair(Subject.node(cluster, signal.node().get()).key(), signal));
        }
        if ("Pod".equals(involved.getKind())
                && TaintEviction.marksForDeletion(event.getReason(), event.getMessage())) {
            // the taint manager evicts for a NoExecute taint on the pod's node and names none: the cluster's
            // unnamed node hears of it, and opens only where no node of the cluster was ever observed
            out.add(KeyValue.pair(Subject.node(cluster, Unnamed.NODE).key(), signal));
        }
        if ("FailedScheduling".equals(event.getReason()) && everyNodeOut(event.getMessage())) {
            // the scheduler sees every node down or out of disk and names none: the cluster's unnamed node hears of
            // it, and opens only where no node of the cluster was ever observed (a paste, a shipper not watching nodes)
            out.add(KeyValue.pair(Subject.node(cluster, Unnamed.NODE).key(), signal));
        }
        return out;
    }

    private static boolean everyNodeOut(String message) {
        FailedSchedulingMessage verdict = FailedSchedulingMessage.parse(message);
        return verdict.everyNodeNotReady() || verdict.everyNodeUnderDiskPressure();
    }

    /**
     * Custom resources that run pods (an InferenceService, RayCluster, Notebook, a Kueue Workload or Volcano PodGroup)
     * are workloads of their own: their controllers and schedulers record failures on them, sometimes only there.
     * Recognised by an API group with a dot outside Kubernetes' own {@code *.k8s.io} groups (the SIGs' CRDs live in
     * {@code *.x-k8s.io}), or by kind when the paste gave no apiVersion.
     */
    static boolean isCustomResource(ObjectRef involved) {
        String apiVersion = involved.getApiVersion();
        if (apiVersion == null || !apiVersion.contains("/")) {
            return ExtensionKinds.RUNNING_PODS.contains(involved.getKind());
        }
        String group = apiVersion.substring(0, apiVersion.indexOf('/'));
        return group.contains(".") && (!group.endsWith(".k8s.io") || group.endsWith(".x-k8s.io"));
    }

    private static boolean isDiskFullPull(KubeEvent event) {
        String message = event.getMessage();
        return message != null && message.contains("no space left on device")
                && ImagePullFailure.parse(message).map(f -> f.category() == Category.IMAGE_PULL_DISK_FULL).orElse(false);
    }

    /**
     * Every signal of a pod record: its snapshot for its workload ({@link #pod}), for its node when it holds
     * accelerators there ({@link #podOnNode}), and the event its {@code Unschedulable} condition stands for
     * ({@link #unschedulable}). {@code owner} is where a tombstone goes when the pod's owner is known.
     */
    public static List<KeyValue<String, Signal>> podSignals(String key, PodSnapshot pod, long recordTime,
                                                            Optional<String> owner) {
        KeyValue<String, Signal> workload = pod(key, pod, recordTime, owner);
        List<KeyValue<String, Signal>> signals = new ArrayList<>(2);
        signals.add(workload);
        podOnNode(pod).ifPresent(signals::add);
        signals.addAll(unschedulable(pod, recordTime, workload.key));
        return signals;
    }

    /** A snapshot goes to its top owner; a tombstone (key {@code cluster/namespace/name}) to the owner its name implies. */
    public static KeyValue<String, Signal> pod(String key, PodSnapshot pod, long recordTime) {
        return pod(key, pod, recordTime, Optional.empty());
    }

    /** As {@link #pod(String, PodSnapshot, long)}; a tombstone goes to {@code owner} when the pod's owner is known. */
    public static KeyValue<String, Signal> pod(String key, PodSnapshot pod, long recordTime, Optional<String> owner) {
        if (pod == null) {
            String[] parts = key.split("/", 3);
            String subject = owner.orElseGet(() -> {
                WorkloadResolver.Workload w = WorkloadResolver.ofPodName(parts[2], false);
                return Subject.workload(parts[0], parts[1], w.kind(), w.name()).key();
            });
            return KeyValue.pair(subject, new PodDeleted(parts[2], Instant.ofEpochMilli(recordTime)));
        }
        WorkloadResolver.Workload w = WorkloadResolver.ofPod(pod);
        return KeyValue.pair(Subject.workload(pod.getCluster(), pod.getNamespace(), w.kind(), w.name()).key(),
                PodObserved.of(SignalProjection.pod(pod)));
    }

    /**
     * The event a pending pod's {@code Unschedulable} condition stands for ({@link UnschedulableCondition}), routed as
     * that event would be: to the pod's workload {@code subject}, and to the cluster's unnamed node when the verdict
     * says every node is out.
     */
    public static List<KeyValue<String, Signal>> unschedulable(PodSnapshot pod, long recordTime, String subject) {
        return UnschedulableCondition.event(pod, Instant.ofEpochMilli(recordTime))
                .map(e -> event(TopicKeys.event(e), e, podKey -> Optional.of(subject)))
                .orElse(List.of());
    }

    /**
     * A scheduled pod that asks for an accelerator is also evidence about its node: when the node stops advertising
     * that accelerator, these are the workloads it hits (GPU_CAPACITY_LOST). Other pods stay with their workload only.
     * A tombstone's key does not name the node, so a pod leaving its node (finished, or being deleted) is told to the
     * node by its last snapshot instead.
     */
    public static Optional<KeyValue<String, Signal>> podOnNode(PodSnapshot pod) {
        if (pod == null || pod.getNodeName() == null || pod.getNodeName().isBlank() || !requestsAccelerator(pod)) {
            return Optional.empty();
        }
        String node = Subject.node(pod.getCluster(), pod.getNodeName()).key();
        boolean leaving = pod.getDeletionTimestamp() != null || "Succeeded".equals(pod.getPhase())
                || "Failed".equals(pod.getPhase());
        return Optional.of(KeyValue.pair(node, leaving ? new PodDeleted(pod.getName(), pod.getObservedAt())
                : PodObserved.of(SignalProjection.pod(pod))));
    }

    private static boolean requestsAccelerator(PodSnapshot pod) {
        for (Container c : pod.getContainers()) {
            for (String resource : c.getLimits().keySet()) {
                if (FailedSchedulingMessage.isAccelerator(resource)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A gang object goes to the workload it schedules, its controller (a Volcano Job, a PyTorchJob, a batch Job under
     * Kueue): the subject its members' snapshots go to by their owner chain. An object without an owner is a subject
     * of its own, as its events are ({@code PodGroup/<name>}). A tombstone goes nowhere: the key does not say whose
     * group it was, and the members' own deletions recover what the group had opened.
     */
    public static Optional<KeyValue<String, Signal>> podGroup(PodGroupSnapshot group) {
        if (group == null) {
            return Optional.empty();
        }
        WorkloadResolver.Workload w = group.getOwners().isEmpty()
                ? new WorkloadResolver.Workload(group.getKind(), group.getName())
                : WorkloadResolver.ofOwner(group.getOwners().get(0).getKind(), group.getOwners().get(0).getName(), null);
        return Optional.of(KeyValue.pair(Subject.workload(group.getCluster(), group.getNamespace(), w.kind(), w.name()).key(),
                GroupObserved.of(group)));
    }

    /** A node snapshot goes to its node subject; a tombstone (key {@code cluster/name}) too. */
    public static KeyValue<String, Signal> node(String key, NodeSnapshot node, long recordTime) {
        if (node == null) {
            String[] parts = key.split("/", 2);
            return KeyValue.pair(Subject.node(parts[0], parts[1]).key(),
                    new NodeDeleted(parts[1], Instant.ofEpochMilli(recordTime)));
        }
        return KeyValue.pair(Subject.node(node.getCluster(), node.getName()).key(),
                NodeObserved.of(SignalProjection.node(node)));
    }
}
