package dev.incidents.analyzer.hints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidents.analyzer.Category;
import dev.incidents.schemas.RemediationStep;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HintCatalogTest {

    private static final HintCatalog CATALOG = HintCatalog.load();

    /** Seed 001: Triton on a GPU node whose containerd storage is full. */
    private static final Facts SEED_001 = Facts.of(
                    Fact.NAMESPACE, "inference",
                    Fact.POD, "triton-79569cfbbc-m2wcc",
                    Fact.REPLICASET, "triton-79569cfbbc",
                    Fact.NODE, "ip-10-0-1-149.ec2.internal",
                    Fact.IMAGE, "478253497479.dkr.ecr.us-east-1.amazonaws.com/triton:resnet50")
            .with(Fact.WORKLOAD_KIND, "Deployment")
            .with(Fact.WORKLOAD_NAME, "triton")
            .with(Fact.CONTAINER, "triton");

    @Test
    void everyCategoryHasAnEntry() {
        assertThat(CATALOG.categories()).isEqualTo(EnumSet.allOf(Category.class));
    }

    @Test
    void seed001DiskFullRendersTheRealNames() {
        RenderedHint hint = CATALOG.render(Category.IMAGE_PULL_DISK_FULL, SEED_001);

        assertThat(hint.title()).isEqualTo("Image pull for triton fails: no space left on ip-10-0-1-149.ec2.internal");
        assertThat(hint.causes()).isNotEmpty();
        assertThat(hint.causes().get(0).getConfidence()).isEqualTo(0.8);
        assertThat(commands(hint)).containsExactly(
                "kubectl describe node ip-10-0-1-149.ec2.internal",
                "sudo du -sh /var/lib/containerd",
                "df -hT | grep containerd",
                "sudo crictl rmi --prune",
                "sudo ctr -n k8s.io images prune --all",
                // the real pod, not the ReplicaSet name that seed 001 wrongly passes to delete pod
                "kubectl delete pod triton-79569cfbbc-m2wcc -n inference",
                "kubectl get pods -n inference -w");
    }

    /**
     * A headline for a clue takes the place of the entry's title and summary: pods the kubelet refused are Failed,
     * bound to a node, not Pending; without the clue the scheduler's wording stays.
     */
    @Test
    void aClueHeadlineReplacesTheTitleAndSummary() {
        Facts refused = Facts.of(Fact.NAMESPACE, "monitoring", Fact.POD, "agent-6d5c8b7f9-b7k2q", Fact.NODE, "gpu-node-7")
                .with(Fact.WORKLOAD_KIND, "Deployment").with(Fact.WORKLOAD_NAME, "agent").with(Fact.RESOURCE, "cpu");

        RenderedHint kubelet = CATALOG.render(Category.INSUFFICIENT_RESOURCES, refused.withClue(Clue.KUBELET_REJECTED));
        RenderedHint scheduler = CATALOG.render(Category.INSUFFICIENT_RESOURCES, refused);

        assertThat(kubelet.title()).isEqualTo("agent: the kubelet refuses its pods: not enough cpu left on gpu-node-7");
        assertThat(kubelet.summary()).contains("was bound to gpu-node-7").contains("(OutOfcpu)").doesNotContain("Pending");
        assertThat(scheduler.title()).isEqualTo("agent is Pending: not enough cpu on any node");
        assertThat(CATALOG.render(Category.UNTOLERATED_TAINT, refused.withClue(Clue.KUBELET_REJECTED)).title())
                .startsWith("agent: the kubelet on gpu-node-7 refuses its pods");
        assertThat(CATALOG.render(Category.NODE_SELECTOR_MISMATCH, refused.withClue(Clue.KUBELET_REJECTED)).title())
                .startsWith("agent: the kubelet on gpu-node-7 refuses its pods");
    }

    @Test
    void aCommandWithAMissingFactIsLeftOutAndItsStepKept() {
        RenderedHint hint = CATALOG.render(Category.IMAGE_PULL_DISK_FULL, Facts.of(Fact.NAMESPACE, "inference"));

        assertThat(commands(hint)).doesNotContain("kubectl describe node ")
                .contains("sudo crictl rmi --prune", "kubectl get pods -n inference -w")
                .noneMatch(c -> c.contains("{") || c.contains("delete pod"));
        assertThat(hint.remediation()).extracting(RemediationStep::getStep)
                .contains("Confirm the disk pressure and the runtime's usage on the node");
        assertThat(hint.title()).isEqualTo("Image pull for the workload fails: no space left on the node");
    }

    /** A fragment's placeholders (a `kubectl get pods` row names no container) are not names to run commands on. */
    @Test
    void aReadersPlaceholderNameIsAMissingFact() {
        RenderedHint hint = CATALOG.render(Category.OOM_KILLED, Facts.of(Fact.NAMESPACE, "inference",
                Fact.POD, "unnamed-pod", Fact.CONTAINER, "unnamed-container-2", Fact.NODE, "unnamed-node"));

        assertThat(commands(hint)).noneMatch(c -> c.contains("unnamed"));
        assertThat(hint.title() + hint.summary()).doesNotContain("unnamed");
        assertThat(Facts.of(Fact.POD, "unnamed-pod").get(Fact.POD)).isEmpty();
        assertThat(Facts.of(Fact.POD, "unnamed-pods-exporter-0").get(Fact.POD)).contains("unnamed-pods-exporter-0");
    }

    /**
     * A fragment's pod, named by no line of the paste, is the pod in prose (its kind before its name dropped, no
     * command given); a bare pod is its own workload and is named once.
     */
    @Test
    void anUnnamedOrBarePodIsNamedOnce() {
        Facts unnamed = Facts.of(Fact.NAMESPACE, "serving", Fact.POD, "unnamed-pod", Fact.IMAGE, "nvcr.io/nim/llama:1.0")
                .with(Fact.WORKLOAD_KIND, "Pod").with(Fact.WORKLOAD_NAME, "unnamed-pod");
        RenderedHint missing = CATALOG.render(Category.IMAGE_NOT_FOUND, unnamed);
        assertThat(missing.title()).isEqualTo("Image nvcr.io/nim/llama:1.0 for the pod does not exist");
        assertThat(commands(missing)).noneMatch(c -> c.contains("unnamed"));
        RenderedHint pending = CATALOG.render(Category.INSUFFICIENT_GPU, unnamed.and(Facts.of(Fact.RESOURCE, "nvidia.com/gpu")));
        assertThat(pending.title()).isEqualTo("The pod is Pending: no node has nvidia.com/gpu free");
        assertThat(pending.summary()).startsWith("The scheduler finds no node with free allocatable nvidia.com/gpu for the "
                + "pod in serving.");
        Facts bare = Facts.of(Fact.NAMESPACE, "ml", Fact.POD, "gpu-trainer", Fact.RESOURCE, "nvidia.com/gpu")
                .with(Fact.WORKLOAD_KIND, "Pod").with(Fact.WORKLOAD_NAME, "gpu-trainer");
        assertThat(CATALOG.render(Category.INSUFFICIENT_GPU, bare).summary()).startsWith("The scheduler finds no node "
                + "with free allocatable nvidia.com/gpu for pod gpu-trainer in ml.");
        assertThat(CATALOG.render(Category.CONTAINER_START_FAILED, bare.with(Fact.CONTAINER, "trainer")).summary())
                .startsWith("Container trainer of pod gpu-trainer in ml has its image on the node");
        assertThat(CATALOG.render(Category.OOM_KILLED, unnamed.with(Fact.CONTAINER, "triton")).title())
                .isEqualTo("Container triton is OOMKilled");
        assertThat(CATALOG.render(Category.CRASH_LOOP, unnamed).title()).isEqualTo("The container is crash-looping");
        assertThat(CATALOG.render(Category.INIT_CONTAINER_FAILED, bare).summary())
                .startsWith("The init container of pod gpu-trainer in ml exits with");
        assertThat(CATALOG.render(Category.POD_EVICTED, bare.with(Fact.NODE, "gpu-3").with(Fact.RESOURCE, "memory"))
                .summary()).startsWith("The kubelet on gpu-3 evicted Pod gpu-trainer in ml ");
        // a category seen on an object of another kind than its usual one reads in that kind's words
        assertThat(CATALOG.render(Category.PVC_UNBOUND, Facts.of(Fact.NAMESPACE, "ml", Fact.PVC, "weights")
                .with(Fact.WORKLOAD_KIND, "PersistentVolumeClaim").with(Fact.WORKLOAD_NAME, "weights")).title())
                .isEqualTo("PersistentVolumeClaim weights is not bound");
        assertThat(CATALOG.render(Category.REPLICA_CREATE_FAILED, unnamed).title())
                .isEqualTo("The pod cannot be created: the API server refuses it");
        assertThat(CATALOG.render(Category.REPLICA_CREATE_FAILED, bare).summary()).startsWith("The API server refuses to "
                + "create Pod gpu-trainer in ml (FailedCreate)");
        // a missing fact whose phrase has its own article after the template's ("carry the {taint}")
        assertThat(CATALOG.render(Category.UNTOLERATED_TAINT, unnamed).summary()).contains("they carry the node taint ")
                .doesNotContain("the the");
    }

    @Test
    void causesAndStepsThatRequireAFactOrClueAppearOnlyWithIt() {
        Facts base = Facts.of(Fact.NAMESPACE, "inference", Fact.REPLICASET, "triton-5fc797b8f8");
        RenderedHint without = CATALOG.render(Category.REPLICA_CREATE_FAILED, base);
        RenderedHint with = CATALOG.render(Category.REPLICA_CREATE_FAILED,
                base.with(Fact.QUOTA, "gpu-quota").with(Fact.RESOURCE, "requests.nvidia.com/gpu")
                        .withClue(Clue.QUOTA_EXCEEDED));

        assertThat(without.causes()).noneMatch(c -> c.getCause().contains("ResourceQuota the ResourceQuota"));
        assertThat(with.causes().get(0).getCause())
                .isEqualTo("ResourceQuota gpu-quota is exhausted for requests.nvidia.com/gpu");
        assertThat(commands(with)).contains("kubectl describe rs triton-5fc797b8f8 -n inference",
                "kubectl describe resourcequota gpu-quota -n inference", "kubectl get resourcequota -n inference");
    }

    /** A step marked {@code when: CLUE} is what to do about that cause alone; {@code unless} takes a list of clues. */
    @Test
    void aStepForOneCauseAppearsOnlyWithItsClueAndUnlessTakesAList() {
        Facts base = Facts.of(Fact.NAMESPACE, "search", Fact.POD, "es-master-2", Fact.WORKLOAD_KIND, "StatefulSet",
                Fact.WORKLOAD_NAME, "es-master");
        RenderedHint selector = CATALOG.render(Category.NODE_SELECTOR_MISMATCH, base);
        RenderedHint antiAffinity = CATALOG.render(Category.NODE_SELECTOR_MISMATCH, base.withClue(Clue.POD_ANTI_AFFINITY));

        assertThat(selector.causes()).extracting(c -> c.getId()).contains("LABEL_ON_NO_NODE")
                .doesNotContain("POD_ANTI_AFFINITY");
        assertThat(commands(selector)).noneMatch(c -> c.contains("podAntiAffinity"));
        assertThat(antiAffinity.causes().get(0).getId()).isEqualTo("POD_ANTI_AFFINITY");
        assertThat(antiAffinity.causes()).extracting(c -> c.getId()).doesNotContain("LABEL_ON_NO_NODE");
        assertThat(commands(antiAffinity)).contains("kubectl get pod es-master-2 -n search -o yaml | grep -A15 podAntiAffinity",
                "kubectl get pods -n search -o wide");
        assertThat(CATALOG.render(Category.NODE_SELECTOR_MISMATCH, base.withClue(Clue.TOPOLOGY_SPREAD)).causes())
                .extracting(c -> c.getId()).doesNotContain("LABEL_ON_NO_NODE");

        RenderedHint cordoned = CATALOG.render(Category.UNTOLERATED_TAINT,
                base.with(Fact.TAINT, "node.kubernetes.io/unschedulable").withClue(Clue.NODES_CORDONED));
        assertThat(cordoned.causes().get(0).getId()).isEqualTo("NODES_CORDONED");
        assertThat(cordoned.causes()).extracting(c -> c.getId()).doesNotContain("TOLERATION_MISSING");
        assertThat(commands(cordoned)).contains("kubectl get nodes --field-selector spec.unschedulable=true");
        assertThat(commands(CATALOG.render(Category.UNTOLERATED_TAINT, base.with(Fact.TAINT, "nvidia.com/gpu"))))
                .doesNotContain("kubectl get nodes --field-selector spec.unschedulable=true");
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void fullyPopulatedFactsLeaveNoPlaceholder(Category category) {
        Facts all = Facts.empty();
        for (Fact f : Fact.values()) {
            all = all.with(f, "x-" + f.placeholder());
        }
        for (Clue c : Clue.values()) {
            all = all.withClue(c);
        }
        RenderedHint hint = CATALOG.render(category, all);

        assertThat(hint.title()).doesNotContain("{").doesNotContain("}");
        assertThat(hint.summary()).doesNotContain("{");
        assertThat(hint.causes()).isNotEmpty().allSatisfy(c -> assertThat(c.getCause()).doesNotContain("{"));
        assertThat(hint.remediation()).isNotEmpty();
        assertThat(commands(hint)).isNotEmpty().allSatisfy(c -> assertThat(c).doesNotContain("{", "}"));
    }

    @ParameterizedTest
    @EnumSource(Clue.class)
    void everyClueRanksItsCauseFirstSomewhereAndIsNeverShownUnproven(Clue clue) {
        Facts facts = Facts.empty();
        for (Fact f : Fact.values()) {
            facts = facts.with(f, "x-" + f.placeholder());
        }
        Facts all = facts;
        Facts withClue = all.withClue(clue);

        assertThat(Category.values()).anySatisfy(category -> assertThat(CATALOG.render(category, withClue).causes())
                .first().satisfies(first -> assertThat(first.getId()).isEqualTo(clue.name())));
        assertThat(Category.values()).allSatisfy(category -> assertThat(CATALOG.render(category, all).causes())
                .noneMatch(c -> c.getId().equals(clue.name())));
    }

    @Test
    void anUnknownPlaceholderFailsAtLoadNamingTheEntry() {
        String yaml = CATALOG_WITH_ALL_BUT("IMAGE_NOT_FOUND") + """
                IMAGE_NOT_FOUND:
                  title: "t"
                  summary: "s"
                  causes: [{cause: "c", id: C, confidence: 0.5}]
                  remediation:
                    - step: "look"
                      commands: ["kubectl describe node {nod}"]
                """;

        assertThatThrownBy(() -> HintCatalog.parse(yaml))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IMAGE_NOT_FOUND.remediation[0].commands[0]")
                .hasMessageContaining("unknown placeholder {nod}");
    }

    @Test
    void aMissingEntryAnUnknownCategoryAndAnUnknownKeyFailAtLoad() {
        assertThatThrownBy(() -> HintCatalog.parse(CATALOG_WITH_ALL_BUT("OOM_KILLED")))
                .hasMessageContaining("no entry for [OOM_KILLED]");
        assertThatThrownBy(() -> HintCatalog.parse(CATALOG_WITH_ALL_BUT("") + entry("GPU_ON_FIRE")))
                .hasMessageContaining("unknown category GPU_ON_FIRE");
        assertThatThrownBy(() -> HintCatalog.parse(CATALOG_WITH_ALL_BUT("CRASH_LOOP")
                + entry("CRASH_LOOP").replace("  title:", "  titel: \"x\"\n  title:")))
                .hasMessageContaining("CRASH_LOOP: unknown key 'titel'");
        assertThatThrownBy(() -> HintCatalog.parse(CATALOG_WITH_ALL_BUT("CRASH_LOOP")
                + entry("CRASH_LOOP").replace("confidence: 0.5", "confidence: 1.5")))
                .hasMessageContaining("CRASH_LOOP.causes[0].confidence");
        assertThatThrownBy(() -> HintCatalog.parse(CATALOG_WITH_ALL_BUT("CRASH_LOOP")
                + entry("CRASH_LOOP").replace("confidence: 0.5", "confidence: 0.5, when: SOLAR_FLARE")))
                .hasMessageContaining("CRASH_LOOP.causes[0].when: unknown clue 'SOLAR_FLARE'");
        assertThatThrownBy(() -> HintCatalog.parse(CATALOG_WITH_ALL_BUT("CRASH_LOOP") + entry("CRASH_LOOP")
                .replace("  causes:", "  headlines: [{title: \"h\", summary: \"s\"}]\n  causes:")))
                .hasMessageContaining("CRASH_LOOP.headlines[0]: a headline needs either `when` or `kind`");
    }

    private static String CATALOG_WITH_ALL_BUT(String left) {
        StringBuilder b = new StringBuilder();
        for (Category c : Category.values()) {
            if (!c.name().equals(left)) {
                b.append(entry(c.name()));
            }
        }
        return b.toString();
    }

    private static String entry(String name) {
        return name + ":\n  title: \"t {node}\"\n  summary: \"s\"\n  causes: [{cause: \"c\", id: C, confidence: 0.5}]\n"
                + "  remediation: [{step: \"s\"}]\n";
    }

    private static List<String> commands(RenderedHint hint) {
        return hint.remediation().stream().flatMap(s -> s.getCommands().stream()).toList();
    }
}
