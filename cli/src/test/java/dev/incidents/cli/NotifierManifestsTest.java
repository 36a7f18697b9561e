package dev.incidents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * deploy/notifier/ loaded by fabric8: the Deployment's arguments are options {@code notify} parses, every
 * INCIDENTS_* variable it sets is a long option of {@code notify}, credentials come from a Secret (never a literal),
 * and it needs no Kubernetes API access.
 */
class NotifierManifestsTest {
    static final List<HasMetadata> notifier = new ArrayList<>();
    static final List<HasMetadata> shipper = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        AnalyzerManifestsTest.loadInto(AnalyzerManifestsTest.DEPLOY.resolve("notifier"), notifier);
        AnalyzerManifestsTest.loadInto(AnalyzerManifestsTest.DEPLOY.resolve("shipper"), shipper);
    }

    @Test
    void oneDeploymentInTheShippersNamespaceWithNoApiAccess() {
        assertThat(notifier).extracting(HasMetadata::getKind).containsExactly("Deployment");
        String namespace = AnalyzerManifestsTest.one(shipper, Namespace.class).getMetadata().getName();
        assertThat(deployment().getMetadata().getNamespace()).isEqualTo(namespace);
        assertThat(pod().getAutomountServiceAccountToken()).isFalse();
        assertThat(pod().getServiceAccountName()).isNull();
        for (HasMetadata object : notifier) {
            assertThat(AnalyzerManifestsTest.unknownFields(object, object.getKind())).isEmpty();
        }
        PodSpec shipperPod = AnalyzerManifestsTest.one(shipper, Deployment.class).getSpec().getTemplate().getSpec();
        assertThat(pod().getSecurityContext()).isEqualTo(shipperPod.getSecurityContext());
        assertThat(container().getSecurityContext()).isEqualTo(shipperPod.getContainers().get(0).getSecurityContext());
        assertThat(container().getImage()).isEqualTo(shipperPod.getContainers().get(0).getImage());
    }

    @Test
    void argumentsAndVariablesAreOptionsOfNotify() {
        List<String> args = container().getArgs();
        assertThat(args).first().isEqualTo("notify");
        CommandSpec notify = AnalyzerManifestsTest.parse(args);
        assertThat(notify.name()).isEqualTo("notify");
        assertThat(notify.findOption("--alertmanager").<List<?>>getValue()).hasSize(1);
        Set<String> defined = new TreeSet<>();
        container().getEnv().forEach(env -> defined.add(env.getName()));
        for (String arg : args) {
            Matcher m = AnalyzerManifestsTest.DEPENDENT_VARIABLE.matcher(arg);
            while (m.find()) {
                assertThat(defined).as("$(" + m.group(1) + ") in " + arg).contains(m.group(1));
            }
        }
        Map<String, String> byVariable = new TreeMap<>();
        for (OptionSpec option : notify.options()) {
            byVariable.put(EnvironmentDefaults.variable(option.longestName()), option.longestName());
        }
        List<EnvVar> ours = container().getEnv().stream()
                .filter(e -> e.getName().startsWith(EnvironmentDefaults.PREFIX)).toList();
        assertThat(ours).isNotEmpty().allSatisfy(env -> {
            assertThat(byVariable).as(env.getName()).containsKey(env.getName());
            // tokens and webhook URLs are credentials: from the Secret, and optional so unused ones can be left out
            assertThat(env.getValue()).as(env.getName()).isNull();
            assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("incidents-notifier");
            assertThat(env.getValueFrom().getSecretKeyRef().getOptional()).isTrue();
        });
    }

    @Test
    void probesReachTheHttpPort() {
        int httpPort = AnalyzerManifestsTest.parse(container().getArgs()).findOption("--http-port").getValue();
        assertThat(container().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(httpPort);
        });
        assertThat(container().getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(container().getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(container().getResources().getLimits()).containsKey("memory");
    }

    static Deployment deployment() {
        return AnalyzerManifestsTest.one(notifier, Deployment.class);
    }

    static PodSpec pod() {
        return deployment().getSpec().getTemplate().getSpec();
    }

    static Container container() {
        return pod().getContainers().get(0);
    }
}
