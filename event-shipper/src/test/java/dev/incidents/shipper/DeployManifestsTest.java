package dev.incidents.shipper;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/shipper/ loaded by fabric8 into typed objects: the RBAC is exactly read-only on what is watched. */
class DeployManifestsTest {
    static final Path DIR = Path.of(System.getProperty("basedir", "."), "..", "deploy", "shipper").normalize();
    static final List<HasMetadata> objects = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    Object parsed = Serialization.unmarshal(in);
                    if (parsed instanceof List<?> list) {
                        list.forEach(o -> objects.add((HasMetadata) o));
                    } else {
                        objects.add((HasMetadata) parsed);
                    }
                }
            }
        }
    }

    @Test
    void everyObjectIsTyped() {
        assertThat(objects).extracting(o -> o.getClass().getSimpleName())
                .containsExactly("Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Deployment", "NetworkPolicy");
    }

    @Test
    void clusterRoleIsExactlyReadOnOwnedKinds() {
        ClusterRole role = one(ClusterRole.class);
        Set<String> grants = new TreeSet<>();
        role.getRules().forEach(rule -> {
            assertThat(rule.getResourceNames()).isEmpty();
            assertThat(rule.getNonResourceURLs()).isEmpty();
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        grants.add(group + "/" + resource + ":" + verb);
                    }
                }
            }
        });
        Set<String> expected = new TreeSet<>();
        for (String resource : List.of("/events", "/pods", "/nodes", "events.k8s.io/events", "apps/replicasets",
                "apps/deployments", "batch/jobs", "batch/cronjobs", "scheduling.volcano.sh/podgroups",
                "scheduling.x-k8s.io/podgroups", "kueue.x-k8s.io/workloads")) {
            for (String verb : List.of("get", "list", "watch")) {
                expected.add(resource + ":" + verb);
            }
        }
        assertThat(grants).isEqualTo(expected);
    }

    @Test
    void bindingGivesTheRoleToTheShippersServiceAccount() {
        ClusterRoleBinding binding = one(ClusterRoleBinding.class);
        ServiceAccount account = one(ServiceAccount.class);
        assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
        assertThat(binding.getRoleRef().getName()).isEqualTo(one(ClusterRole.class).getMetadata().getName());
        assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getKind()).isEqualTo("ServiceAccount");
            assertThat(subject.getName()).isEqualTo(account.getMetadata().getName());
            assertThat(subject.getNamespace()).isEqualTo(account.getMetadata().getNamespace());
        });
        assertThat(account.getMetadata().getNamespace()).isEqualTo(one(Namespace.class).getMetadata().getName());
    }

    @Test
    void deploymentProbesLimitsAndRunsLockedDown() {
        Deployment deployment = one(Deployment.class);
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        assertThat(pod.getServiceAccountName()).isEqualTo(one(ServiceAccount.class).getMetadata().getName());
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        Container container = pod.getContainers().get(0);
        assertThat(container.getArgs()).first().isEqualTo("ship");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKey("memory");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getVolumeMounts()).anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
        // The rest of the restricted Pod Security profile (the namespace enforces it).
        assertThat(one(Namespace.class).getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getSecurityContext().getRunAsUser()).isNotZero();
        assertThat(pod.getVolumes()).allSatisfy(v -> assertThat(v.getEmptyDir() != null || v.getSecret() != null).as(v.getName()).isTrue());
    }

    @Test
    void networkPolicySelectsTheShipperAndAllowsEgressOnly() {
        NetworkPolicy policy = one(NetworkPolicy.class);
        assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                .isEqualTo(one(Deployment.class).getSpec().getSelector().getMatchLabels());
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getEgress()).flatExtracting(rule -> rule.getPorts())
                .extracting(p -> p.getPort().getIntVal()).contains(53, 443, 9092);
    }

    private static <T> T one(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).reduce((a, b) -> {
            throw new AssertionError("more than one " + type.getSimpleName());
        }).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + DIR));
    }
}
