package dev.incidents.analyzer.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.hints.HintCatalog;
import dev.incidents.analyzer.hints.RenderedHint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** From a verbatim message to the commands the on-call engineer gets: parser facts filling the catalog. */
class MessageFactsTest {

    private static final HintCatalog CATALOG = HintCatalog.load();
    private static final Facts WORKLOAD = Facts.of(Fact.NAMESPACE, "inference", Fact.WORKLOAD_KIND, "Deployment",
            Fact.WORKLOAD_NAME, "triton", Fact.POD, "triton-6d4cf56db6-2xk8p", Fact.REPLICASET, "triton-6d4cf56db6");

    @Test
    void taintIsNamedTheWayKubectlSpellsIt() {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse("0/4 nodes are available: 1 node(s) had untolerated "
                + "taint {accelerator: gpu}, 3 Insufficient nvidia.com/gpu.");

        assertThat(m.facts().get(Fact.TAINT)).contains("accelerator=gpu");
        assertThat(CATALOG.render(m.category().orElseThrow(), merge(m.facts())).title())
                .isEqualTo("triton is Pending: nodes carry taint accelerator=gpu that the pod does not tolerate");
        assertThat(FailedSchedulingMessage.kubectlTaint("node-role.kubernetes.io/control-plane: "))
                .isEqualTo("node-role.kubernetes.io/control-plane");
    }

    @Test
    void gpuResourceAndPvcName() {
        assertThat(FailedSchedulingMessage.parse("0/4 nodes are available: 4 Insufficient nvidia.com/gpu.").facts()
                .get(Fact.RESOURCE)).contains("nvidia.com/gpu");
        FailedSchedulingMessage pvc = FailedSchedulingMessage.parse(
                "0/3 nodes are available: persistentvolumeclaim \"triton-models-pvc\" not found.");
        assertThat(commands(Category.PVC_UNBOUND, pvc.facts()))
                .contains("kubectl describe pvc triton-models-pvc -n inference");
    }

    @Test
    void quotaRefusalGivesTheQuotaCommands() {
        ReplicaCreateFailure f = ReplicaCreateFailure.parse("Error creating: pods \"triton-6d4cf56db6-\" is forbidden: "
                + "exceeded quota: gpu-quota, requested: requests.nvidia.com/gpu=1, used: requests.nvidia.com/gpu=4, "
                + "limited: requests.nvidia.com/gpu=4");

        RenderedHint hint = CATALOG.render(Category.REPLICA_CREATE_FAILED, merge(f.facts()));

        assertThat(hint.causes().get(0).getCause())
                .isEqualTo("ResourceQuota gpu-quota is exhausted for requests.nvidia.com/gpu");
        assertThat(commands(Category.REPLICA_CREATE_FAILED, f.facts())).contains(
                "kubectl describe rs triton-6d4cf56db6 -n inference",
                "kubectl describe resourcequota gpu-quota -n inference");
    }

    @Test
    void missingSecretGivesTheSecretCommands() {
        ConfigError e = ConfigError.parse("Error: couldn't find key password in Secret inference/db-creds").orElseThrow();

        assertThat(commands(Category.CONFIG_ERROR, e.facts())).contains("kubectl get secret db-creds -n inference")
                .noneMatch(c -> c.contains("configmap"));
    }

    @Test
    void probeAndBackOffNameTheContainer() {
        ProbeFailure p = ProbeFailure.parse("Container triton failed startup probe, will be restarted").orElseThrow();
        ContainerBackOff b = ContainerBackOff.parse("Back-off restarting failed container triton in pod "
                + "triton-6d4cf56db6-2xk8p_inference(0a1b)").orElseThrow();

        assertThat(CATALOG.render(Category.PROBE_FAILURE, merge(p.facts())).title())
                .isEqualTo("triton: container triton is restarted by its startup probe");
        assertThat(commands(Category.CRASH_LOOP, b.facts()))
                .contains("kubectl logs triton-6d4cf56db6-2xk8p -n inference -c triton --previous");
    }

    /** A native sidecar (an init container restarted Always) killed by its startup probe: the kubelet's own words. */
    @Test
    void aNativeSidecarsProbeKillNamesItsContainer() {
        ProbeFailure p = ProbeFailure.parse("Init container linkerd-proxy failed startup probe").orElseThrow();

        assertThat(p.restart()).isTrue();
        assertThat(p.probe()).isEqualTo(ProbeFailure.Probe.STARTUP);
        assertThat(p.container()).contains("linkerd-proxy");
    }

    @Test
    void evictionNamesThePressure() {
        EvictionMessage e = EvictionMessage.parse("The node was low on resource: ephemeral-storage. Threshold quantity: "
                + "10Gi, available: 3Gi. Container triton was using 12Gi, request is 0, has larger consumption of "
                + "ephemeral-storage. ").orElseThrow();

        assertThat(e.facts().get(Fact.RESOURCE)).contains("disk");
        assertThat(e.facts().get(Fact.CONTAINER)).contains("triton");
    }

    @Test
    void provenCausesRankFirst() {
        MountFailure multiAttach = MountFailure.parse("Multi-Attach error for volume \"pvc-0a1b\" Volume is already "
                + "exclusively attached to one node and can't be attached to another").orElseThrow();
        SandboxFailure nvidia = SandboxFailure.parse("Failed to create pod sandbox: rpc error: code = Unknown desc = "
                + "failed to get sandbox runtime: no runtime for \"nvidia\" is configured").orElseThrow();
        ImagePullFailure rateLimited = ImagePullFailure.parse("Failed to pull image \"nginx:1\": failed to pull and "
                + "unpack image \"docker.io/library/nginx:1\": 429 Too Many Requests - Server message: toomanyrequests: "
                + "You have reached your pull rate limit.").orElseThrow();
        ReplicaCreateFailure podSecurity = ReplicaCreateFailure.parse("Error creating: pods \"triton-6d4cf56db6-\" is "
                + "forbidden: violates PodSecurity \"restricted:latest\": runAsNonRoot != true");

        assertThat(topCause(Category.VOLUME_MOUNT_FAILED, multiAttach.facts())).startsWith("Multi-Attach");
        assertThat(topCause(Category.SANDBOX_FAILED, nvidia.facts())).contains("RuntimeClass (e.g. nvidia)");
        assertThat(topCause(Category.IMAGE_PULL_FAILED, rateLimited.facts())).contains("rate-limits");
        assertThat(topCause(Category.REPLICA_CREATE_FAILED, podSecurity.facts()))
                .isEqualTo("The pod template violates the PodSecurity level enforced on inference");
        assertThat(CATALOG.render(Category.VOLUME_MOUNT_FAILED, WORKLOAD).causes())
                .noneMatch(c -> c.getCause().startsWith("Multi-Attach"));
    }

    private static String topCause(Category category, Facts facts) {
        return CATALOG.render(category, merge(facts)).causes().get(0).getCause();
    }

    private static Facts merge(Facts more) {
        return WORKLOAD.and(more);
    }

    private static List<String> commands(Category category, Facts facts) {
        return CATALOG.render(category, merge(facts)).remediation().stream()
                .flatMap(s -> s.getCommands().stream()).toList();
    }
}
