package dev.incidents.recordings;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Kinds of the Kubernetes extensions (custom resources) that run GPU inference, training and batch workloads, spelled
 * as their CRDs spell them: KServe, Knative, KubeRay, Kubeflow, Kueue, Volcano, JobSet, LeaderWorkerSet, NIM, Argo
 * Rollouts, KEDA, Karpenter, KubeVirt. Pastes often lose an object's apiVersion ({@code kubectl get events} prints
 * {@code inferenceservice/sklearn-iris}), so the kind alone must tell what the object is.
 */
public final class ExtensionKinds {

    /** Kinds whose controllers run pods: their events are about a workload. */
    public static final Set<String> RUNNING_PODS = Set.of("InferenceService", "InferenceGraph",
            "LLMInferenceService", "Revision", "RayCluster", "RayJob", "RayService", "Notebook", "PodGroup",
            "PyTorchJob", "TFJob", "MPIJob", "XGBoostJob", "PaddleJob", "JAXJob", "TrainJob", "JobSet",
            "LeaderWorkerSet", "Workload", "SparkApplication", "SeldonDeployment", "NIMService", "Rollout",
            "ScaledJob", "VirtualMachineInstance");

    /** Kinds that configure or provision rather than run pods. */
    private static final Set<String> OTHERS = Set.of("ServingRuntime", "ClusterServingRuntime", "TrainedModel",
            "Queue", "ClusterQueue", "LocalQueue", "NIMCache", "NodePool", "NodeClaim", "ScaledObject");

    private static final Map<String, String> BY_LOWER_CASE = Stream.concat(RUNNING_PODS.stream(), OTHERS.stream())
            .collect(Collectors.toUnmodifiableMap(k -> k.toLowerCase(Locale.ROOT), k -> k));

    private ExtensionKinds() {
    }

    /** {@code inferenceservice} as kubectl prints it to {@code InferenceService}; empty for a kind not listed. */
    public static Optional<String> spelled(String lowerCase) {
        return Optional.ofNullable(BY_LOWER_CASE.get(lowerCase.toLowerCase(Locale.ROOT)));
    }
}
