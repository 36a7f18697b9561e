package dev.incidents.cli;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.Category;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/analyzer/ loaded by fabric8 into typed objects, next to deploy/shipper/: the StatefulSet's arguments are
 * options that {@code analyze} parses, and the names they contain (state volume, headless Service, ports, config
 * file) are the ones the other objects define. A mismatch here is a pod that crash-loops or answers nothing.
 */
class AnalyzerManifestsTest {
    static final Path DEPLOY = Path.of(System.getProperty("basedir", "."), "..", "deploy").toAbsolutePath().normalize();
    /** Kubernetes expands $(VAR) in args from the container's env; an undefined VAR stays as literal text. */
    static final Pattern DEPENDENT_VARIABLE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    static final List<HasMetadata> analyzer = new ArrayList<>();
    static final List<HasMetadata> shipper = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        loadInto(DEPLOY.resolve("analyzer"), analyzer);
        loadInto(DEPLOY.resolve("shipper"), shipper);
    }

    @Test
    void everyObjectIsTypedAndLivesInTheShippersNamespace() {
        assertThat(analyzer).extracting(o -> o.getClass().getSimpleName())
                .containsExactly("ConfigMap", "Service", "Service", "StatefulSet", "PodDisruptionBudget", "NetworkPolicy");
        String namespace = one(shipper, Namespace.class).getMetadata().getName();
        assertThat(analyzer).allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo(namespace));
        // One image for every verb: the analyzer runs the shipper's image.
        assertThat(container().getImage())
                .isEqualTo(one(shipper, Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
    }

    @Test
    void noFieldIsUnknownToTheKubernetesModel() {
        // fabric8 keeps a misspelt field (publishNotReadyAdresses) in additionalProperties instead of failing;
        // the API server would drop it or reject the object.
        for (HasMetadata object : analyzer) {
            assertThat(unknownFields(object, object.getKind())).as(object.getKind() + " " + object.getMetadata().getName())
                    .isEmpty();
        }
    }

    @Test
    void argumentsAreOptionsThatAnalyzeParses() {
        List<String> args = container().getArgs();
        assertThat(args).first().isEqualTo("analyze");
        CommandSpec analyze = parse(args);
        assertThat(analyze.name()).isEqualTo("analyze");
        assertThat(analyze.findOption("--standby-replicas").<Integer>getValue()).isEqualTo(1);
        // A standby copy needs another instance to live on.
        assertThat(statefulSet().getSpec().getReplicas()).isGreaterThan(1);
        Set<String> defined = new TreeSet<>();
        container().getEnv().forEach(env -> defined.add(env.getName()));
        for (String arg : args) {
            Matcher m = DEPENDENT_VARIABLE.matcher(arg);
            while (m.find()) {
                assertThat(defined).as("$(" + m.group(1) + ") in " + arg).contains(m.group(1));
            }
        }
    }

    @Test
    void stateDirIsTheClaimedVolume() {
        String stateDir = parse(container().getArgs()).findOption("--state-dir").getValue().toString();
        List<PersistentVolumeClaim> claims = statefulSet().getSpec().getVolumeClaimTemplates();
        assertThat(claims).singleElement().satisfies(claim -> {
            assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
            assertThat(claim.getSpec().getResources().getRequests()).containsKey("storage");
            assertThat(mount(claim.getMetadata().getName()).getMountPath()).isEqualTo(stateDir);
        });
        // No pod volume of the same name shadows the claim: state must outlive the pod.
        assertThat(pod().getVolumes()).extracting(Volume::getName).doesNotContain(claims.get(0).getMetadata().getName());
    }

    @Test
    void applicationServerIsThePodsNameUnderTheHeadlessService() {
        Service headless = service(true);
        StatefulSet set = statefulSet();
        assertThat(set.getSpec().getServiceName()).isEqualTo(headless.getMetadata().getName());
        assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
        String server = parse(container().getArgs()).findOption("--application-server").getValue();
        int httpPort = parse(container().getArgs()).findOption("--http-port").getValue();
        assertThat(server).isEqualTo("$(POD_NAME)." + headless.getMetadata().getName() + ".$(POD_NAMESPACE).svc:" + httpPort);
        assertThat(fieldRef("POD_NAME")).isEqualTo("metadata.name");
        assertThat(fieldRef("POD_NAMESPACE")).isEqualTo("metadata.namespace");
    }

    @Test
    void servicesAndProbesReachTheHttpPort() {
        int httpPort = parse(container().getArgs()).findOption("--http-port").getValue();
        assertThat(container().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(httpPort);
        });
        Map<String, String> podLabels = statefulSet().getSpec().getTemplate().getMetadata().getLabels();
        for (boolean headless : List.of(true, false)) {
            Service service = service(headless);
            assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
            assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getName()).isEqualTo("http");
                assertThat(targets(port, httpPort)).as(service.getMetadata().getName() + " targetPort").isTrue();
            });
        }
        assertThat(service(false).getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(podLabels).containsAllEntriesOf(statefulSet().getSpec().getSelector().getMatchLabels());

        Container c = container();
        assertThat(path(c.getLivenessProbe())).isEqualTo("/healthz");
        assertThat(path(c.getReadinessProbe())).isEqualTo("/readyz");
        assertThat(path(c.getStartupProbe())).isEqualTo("/healthz");
        for (Probe probe : List.of(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe())) {
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
        }
        // The startup budget covers topic checks and a RocksDB restore from the changelogs: minutes, not seconds.
        Probe startup = c.getStartupProbe();
        assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void configMapHoldsOnlySettingsTheAnalyzerKnows() throws Exception {
        String configFile = parse(container().getArgs()).findOption("--config").getValue().toString();
        Path file = Path.of(configFile);
        VolumeMount mount = container().getVolumeMounts().stream()
                .filter(m -> file.startsWith(m.getMountPath())).findFirst()
                .orElseThrow(() -> new AssertionError("no volume mounted over " + configFile));
        Volume volume = pod().getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        ConfigMap configMap = one(analyzer, ConfigMap.class);
        assertThat(volume.getConfigMap().getName()).isEqualTo(configMap.getMetadata().getName());
        String key = Path.of(mount.getMountPath()).relativize(file).toString();
        assertThat(configMap.getData()).containsKey(key);

        Properties properties = new Properties();
        properties.load(new StringReader(configMap.getData().get(key)));
        Set<String> known = knownKeys();
        assertThat(properties.stringPropertyNames()).isNotEmpty().allSatisfy(name -> assertThat(
                known.contains(name) || isCategoryGrace(name)).as(name + " is an AnalyzerConfig key").isTrue());
        // Every value parses: the accessors throw on a malformed duration or number.
        AnalyzerConfig config = AnalyzerConfig.from(properties);
        config.quietPeriod();
        config.updateInterval();
        config.lateness();
        config.subjectRetention();
        config.resolvedRetention();
        config.idleAdvanceInterval();
        config.idleAdvanceRate();
        config.maxEvidence();
        config.nodeDiskWorkloads();
        for (Category category : Category.values()) {
            config.grace(category);
        }
        // The file says it writes out the code's defaults: keep that true when a default changes.
        Map<String, String> defaults = AnalyzerConfig.defaults().asMap();
        for (String name : properties.stringPropertyNames()) {
            assertThat(properties.getProperty(name)).as(name).isEqualTo(defaults.get(name));
        }
    }

    @Test
    void runsLockedDownAndStopsGracefully() {
        PodSpec pod = pod();
        PodSpec shipperPod = one(shipper, Deployment.class).getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext()).isEqualTo(shipperPod.getSecurityContext());
        assertThat(container().getSecurityContext()).isEqualTo(shipperPod.getContainers().get(0).getSecurityContext());
        assertThat(container().getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
        assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(10001L);
        assertThat(mount("tmp").getMountPath()).isEqualTo("/tmp");
        assertThat(pod.getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo("tmp");
            assertThat(v.getEmptyDir()).isNotNull();
        });
        // close() commits the open transaction: SIGKILL must not come after the default 30 s.
        assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(60L);
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(container().getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container().getResources().getLimits()).containsKey("memory");
    }

    /**
     * Kubernetes' restricted Pod Security profile (what {@code pod-security.kubernetes.io/enforce: restricted} on the
     * namespace admits), for every workload of deploy/: non-root, no privilege escalation, every capability dropped,
     * seccomp RuntimeDefault, only the volume types the profile allows; plus a read-only root filesystem whose
     * writable paths are volumes.
     */
    @Test
    void everyWorkloadFollowsTheRestrictedPodSecurityProfile() throws IOException {
        assertThat(one(shipper, Namespace.class).getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        Map<String, PodSpec> pods = Map.of("analyzer", pod(),
                "shipper", one(shipper, Deployment.class).getSpec().getTemplate().getSpec(),
                "notifier", one(notifier(), Deployment.class).getSpec().getTemplate().getSpec());
        pods.forEach((name, pod) -> {
            assertThat(pod.getHostNetwork()).as(name + " hostNetwork").isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getHostPID()).as(name + " hostPID").isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getHostIPC()).as(name + " hostIPC").isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name + " runAsNonRoot").isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name + " runAsUser").isNotZero();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(name + " seccomp").isEqualTo("RuntimeDefault");
            assertThat(pod.getVolumes()).as(name + " volumes of the allowed types").allSatisfy(v -> assertThat(
                    v.getEmptyDir() != null || v.getSecret() != null || v.getConfigMap() != null
                            || v.getPersistentVolumeClaim() != null || v.getProjected() != null).as(v.getName()).isTrue());
            List<Container> containers = new ArrayList<>(pod.getContainers());
            if (pod.getInitContainers() != null) {
                containers.addAll(pod.getInitContainers());
            }
            for (Container c : containers) {
                var security = c.getSecurityContext();
                assertThat(security.getAllowPrivilegeEscalation()).as(name + " allowPrivilegeEscalation").isFalse();
                assertThat(security.getPrivileged()).as(name + " privileged").isNotEqualTo(Boolean.TRUE);
                assertThat(security.getCapabilities().getDrop()).as(name + " capabilities dropped").containsExactly("ALL");
                assertThat(security.getCapabilities().getAdd()).as(name + " capabilities added").isNullOrEmpty();
                assertThat(security.getRunAsNonRoot()).as(name + " container runAsNonRoot").isNotEqualTo(Boolean.FALSE);
                assertThat(security.getReadOnlyRootFilesystem()).as(name + " readOnlyRootFilesystem").isTrue();
                assertThat(c.getVolumeMounts()).as(name + " writable /tmp").anySatisfy(m -> {
                    assertThat(m.getMountPath()).isEqualTo("/tmp");
                    assertThat(pod.getVolumes()).anySatisfy(v -> {
                        assertThat(v.getName()).isEqualTo(m.getName());
                        assertThat(v.getEmptyDir()).isNotNull();
                    });
                });
            }
        });
    }

    /** Secrets reach the pods as files from Secrets (or Secret-backed variables), never as literals in deploy/. */
    @Test
    void secretsComeFromSecretsNeverFromTheManifests() throws IOException {
        Pattern secretish = Pattern.compile("(?i).*(password|passwd|token|secret|jaas|credential|webhook).*");
        for (Container c : List.of(container(), one(shipper, Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0),
                one(notifier(), Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0))) {
            for (EnvVar env : c.getEnv()) {
                if (secretish.matcher(env.getName()).matches()) {
                    assertThat(env.getValueFrom()).as("$" + env.getName() + " from a Secret").isNotNull();
                    assertThat(env.getValueFrom().getSecretKeyRef()).as("$" + env.getName() + " from a Secret").isNotNull();
                }
            }
            assertThat(c.getArgs()).as("no credentials on the command line").noneMatch(a -> a.matches("(?i).*(password|token)=(?!/).*"));
        }
        String tokenFile = parse(container().getArgs()).findOption("--http-token-file").getValue().toString();
        VolumeMount tokenMount = container().getVolumeMounts().stream().filter(m -> tokenFile.startsWith(m.getMountPath() + "/"))
                .findFirst().orElseThrow(() -> new AssertionError("no volume holds " + tokenFile));
        Volume tokenVolume = pod().getVolumes().stream().filter(v -> v.getName().equals(tokenMount.getName())).findFirst().orElseThrow();
        assertThat(tokenVolume.getSecret()).as("the HTTP token comes from a Secret").isNotNull();
        assertThat(tokenVolume.getSecret().getOptional()).as("no token, no pod: incident data is never served open").isNotEqualTo(Boolean.TRUE);
        // Readable by the pod's group (fsGroup), by nobody else: 0400 would lock out the non-root user.
        assertThat(tokenVolume.getSecret().getDefaultMode()).isEqualTo(0440);
        assertThat(mount("kafka-client").getReadOnly()).isTrue();
    }

    /** Each workload has a NetworkPolicy example selecting its pods, default-deny both ways but DNS, Kafka and its HTTP port. */
    @Test
    void networkPoliciesLetThroughOnlyWhatEachPartNeeds() {
        Map<String, NetworkPolicy> policies = Map.of("incidents-analyzer", one(analyzer, NetworkPolicy.class),
                "event-shipper", one(shipper, NetworkPolicy.class));
        policies.forEach((app, policy) -> {
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", app);
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(policy.getSpec().getIngress()).allSatisfy(rule -> assertThat(rule.getPorts())
                    .as(app + " ingress only to the HTTP port").singleElement()
                    .satisfies(p -> assertThat(p.getPort().getStrVal()).isEqualTo("http")));
            assertThat(policy.getSpec().getEgress()).as(app + " egress to DNS").anySatisfy(rule ->
                    assertThat(rule.getPorts()).anySatisfy(p -> assertThat(p.getPort().getIntVal()).isEqualTo(53)));
            assertThat(policy.getSpec().getEgress()).as(app + " egress to Kafka").anySatisfy(rule ->
                    assertThat(rule.getPorts()).anySatisfy(p -> assertThat(p.getPort().getIntVal()).isEqualTo(9092)));
        });
        // The analyzer's pods ask each other for /incidents.
        assertThat(policies.get("incidents-analyzer").getSpec().getEgress()).anySatisfy(rule -> {
            assertThat(rule.getTo()).anySatisfy(peer -> assertThat(peer.getPodSelector() == null ? Map.of()
                    : peer.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "incidents-analyzer"));
            assertThat(rule.getPorts()).anySatisfy(p -> assertThat(p.getPort().getIntVal())
                    .isEqualTo(container().getPorts().get(0).getContainerPort()));
        });
    }

    @Test
    void disruptionBudgetLetsOnePodGoAtATime() {
        PodDisruptionBudget budget = one(analyzer, PodDisruptionBudget.class);
        assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(budget.getSpec().getMinAvailable()).isNull();
        assertThat(statefulSet().getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static List<HasMetadata> notifier() throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        loadInto(DEPLOY.resolve("notifier"), objects);
        return objects;
    }

    static void loadInto(Path dir, List<HasMetadata> objects) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
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

    /** Paths of fields that fabric8 did not map, found by walking the model's getters. */
    static List<String> unknownFields(Object node, String path) {
        List<String> unknown = new ArrayList<>();
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknown.addAll(unknownFields(list.get(i), path + "[" + i + "]"));
            }
            return unknown;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknown.addAll(unknownFields(v, path + "." + k)));
            return unknown;
        }
        if (node == null || !node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return unknown;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(getter.toString(), e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) value).keySet().forEach(k -> unknown.add(path + "." + k));
            } else {
                unknown.addAll(unknownFields(value, path + "." + getter.getName().substring(3)));
            }
        }
        return unknown;
    }

    /** The args parsed by the real CLI (no environment), so an unknown option or a bad number fails here. */
    static CommandSpec parse(List<String> args) {
        CommandLine cli = Main.commandLine();
        cli.setDefaultValueProvider(new EnvironmentDefaults(Map.of()));
        return cli.parseArgs(args.toArray(String[]::new)).subcommand().commandSpec();
    }

    static Set<String> knownKeys() throws IllegalAccessException {
        Set<String> keys = new TreeSet<>();
        for (Field field : AnalyzerConfig.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                keys.add((String) field.get(null));
            }
        }
        return keys;
    }

    static boolean isCategoryGrace(String key) {
        if (!key.startsWith(AnalyzerConfig.GRACE_PREFIX)) {
            return false;
        }
        String category = key.substring(AnalyzerConfig.GRACE_PREFIX.length());
        return Stream.of(Category.values()).anyMatch(c -> c.name().equals(category));
    }

    static boolean targets(ServicePort port, int containerPort) {
        return port.getTargetPort().getIntVal() != null
                ? port.getTargetPort().getIntVal() == containerPort
                : "http".equals(port.getTargetPort().getStrVal());
    }

    static String path(Probe probe) {
        return probe.getHttpGet().getPath();
    }

    static String fieldRef(String variable) {
        EnvVar env = container().getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + variable));
        return env.getValueFrom().getFieldRef().getFieldPath();
    }

    static VolumeMount mount(String volume) {
        return container().getVolumeMounts().stream().filter(m -> m.getName().equals(volume)).findFirst()
                .orElseThrow(() -> new AssertionError("no mount of volume " + volume));
    }

    static StatefulSet statefulSet() {
        return one(analyzer, StatefulSet.class);
    }

    static PodSpec pod() {
        return statefulSet().getSpec().getTemplate().getSpec();
    }

    static Container container() {
        return pod().getContainers().stream().filter(c -> "analyzer".equals(c.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no container 'analyzer'"));
    }

    static Service service(boolean headless) {
        List<Service> matching = analyzer.stream().filter(Service.class::isInstance).map(Service.class::cast)
                .filter(s -> "None".equals(s.getSpec().getClusterIP()) == headless).toList();
        assertThat(matching).as(headless ? "headless Service" : "ClusterIP Service").hasSize(1);
        return matching.get(0);
    }

    static <T> T one(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).reduce((a, b) -> {
            throw new AssertionError("more than one " + type.getSimpleName());
        }).orElseThrow(() -> new AssertionError("no " + type.getSimpleName()));
    }
}
