package dev.incidents.analyzer;

import dev.incidents.schemas.Condition;
import dev.incidents.schemas.Container;
import dev.incidents.schemas.ContainerState;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.ObjectRef;
import dev.incidents.schemas.OwnerRef;
import dev.incidents.schemas.PodSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Schema records as the shipper produces them, for topology tests (built with the generated builders). */
public final class Kube {
    public static final String CLUSTER = "test";

    private Kube() {
    }

    /** An event on a namespaced object; {@code uid} identifies it across count bumps. */
    public static KubeEvent event(String namespace, String kind, String name, String type, String reason,
                                  String message, Instant first, Instant last, int count, String uid, String node) {
        return KubeEvent.newBuilder()
                .setCluster(CLUSTER)
                .setUid(uid)
                .setNamespace(namespace)
                .setName(name + "." + Integer.toHexString(uid.hashCode()))
                .setInvolvedObject(ObjectRef.newBuilder().setKind(kind).setNamespace(namespace).setName(name).build())
                .setReason(reason)
                .setMessage(message)
                .setType(type)
                .setReportingComponent(node == null ? "default-scheduler" : "kubelet")
                .setReportingInstance(node)
                .setCount(count)
                .setFirstTimestamp(first)
                .setLastTimestamp(last)
                .build();
    }

    public static KubeEvent podEvent(String pod, String type, String reason, String message, Instant at, String uid,
                                     String node) {
        return event("inference", "Pod", pod, type, reason, message, at, at, 1, uid, node);
    }

    public static KubeEvent nodeEvent(String node, String type, String reason, String message, Instant at, String uid) {
        return KubeEvent.newBuilder()
                .setCluster(CLUSTER)
                .setUid(uid)
                .setName(node + "." + uid)
                .setInvolvedObject(ObjectRef.newBuilder().setKind("Node").setName(node).build())
                .setReason(reason).setMessage(message).setType(type)
                .setReportingComponent("kubelet").setReportingInstance(node)
                .setCount(1).setFirstTimestamp(at).setLastTimestamp(at)
                .build();
    }

    /** A Deployment's pod with one container; {@code lastState} may be null. */
    public static PodSnapshot pod(String deployment, String pod, String node, Instant at, String phase,
                                  ContainerState state, ContainerState lastState, int restarts, boolean ready) {
        String rs = pod.substring(0, pod.lastIndexOf('-'));
        List<Condition> conditions = new ArrayList<>();
        conditions.add(Condition.newBuilder().setType("PodScheduled").setStatus(node == null ? "False" : "True").build());
        conditions.add(Condition.newBuilder().setType("Ready").setStatus(ready ? "True" : "False").build());
        return PodSnapshot.newBuilder()
                .setCluster(CLUSTER).setNamespace("inference").setName(pod).setObservedAt(at)
                .setLabels(Map.of("pod-template-hash", rs.substring(rs.lastIndexOf('-') + 1)))
                .setOwners(List.of(OwnerRef.newBuilder().setKind("ReplicaSet").setName(rs).build(),
                        OwnerRef.newBuilder().setKind("Deployment").setName(deployment).build()))
                .setPhase(phase).setNodeName(node).setConditions(conditions)
                .setContainers(List.of(Container.newBuilder().setName(deployment).setImage("nvcr.io/nvidia/tritonserver:24.08-py3")
                        .setLimits(Map.of("nvidia.com/gpu", "1")).setRestartCount(restarts).setReady(ready)
                        .setState(state).setLastState(lastState).build()))
                .build();
    }

    public static ContainerState running(Instant since) {
        return ContainerState.newBuilder().setKind("running").setStartedAt(since).build();
    }

    public static ContainerState waiting(String reason) {
        return ContainerState.newBuilder().setKind("waiting").setReason(reason).build();
    }

    public static ContainerState terminated(String reason, int exitCode, Instant at) {
        return ContainerState.newBuilder().setKind("terminated").setReason(reason).setExitCode(exitCode)
                .setFinishedAt(at).build();
    }

    public static NodeSnapshot node(String name, Instant at, Map<String, String> allocatable) {
        return NodeSnapshot.newBuilder().setCluster(CLUSTER).setName(name).setObservedAt(at)
                .setCapacity(allocatable).setAllocatable(allocatable).build();
    }
}
