package dev.incidents.analyzer.render;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.hints.HintCatalog;
import dev.incidents.analyzer.hints.RenderedHint;
import dev.incidents.schemas.Evidence;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import dev.incidents.schemas.WorkloadRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Incidents built the way the topology builds them: the catalog rendered with the facts of seed 001. */
final class SeedIncidents {

    static final String POD = "triton-79569cfbbc-m2wcc";
    static final String NODE = "ip-10-0-1-149.ec2.internal";
    static final String IMAGE = "478253497479.dkr.ecr.us-east-1.amazonaws.com/triton:resnet50";
    private static final HintCatalog CATALOG = HintCatalog.load();

    private SeedIncidents() {
    }

    static Incident seed001() {
        return diskFull("inference", "triton", POD, NODE);
    }

    static Incident diskFull(String namespace, String workload, String pod, String node) {
        Category category = Category.IMAGE_PULL_DISK_FULL;
        RenderedHint hint = CATALOG.render(category, Facts.of(Fact.NAMESPACE, namespace, Fact.POD, pod,
                Fact.NODE, node, Fact.IMAGE, IMAGE, Fact.WORKLOAD_KIND, "Deployment").with(Fact.WORKLOAD_NAME, workload));
        return Incident.newBuilder()
                .setId("prod-us-east-1/" + namespace + "/Deployment/" + workload + "/" + category)
                .setOccurrence(1)
                .setStatus(IncidentStatus.OPEN)
                .setCategory(category.name())
                .setPhase(category.phase())
                .setSeverity(category.defaultSeverity())
                .setCluster("prod-us-east-1")
                .setNamespace(namespace)
                .setWorkload(WorkloadRef.newBuilder().setKind("Deployment").setName(workload).build())
                .setPods(new ArrayList<>(List.of(pod)))
                .setNodes(new ArrayList<>(List.of(node)))
                .setTitle(hint.title())
                .setSummary(hint.summary())
                .setCauses(new ArrayList<>(hint.causes()))
                .setEvidence(new ArrayList<>(List.of(
                        Evidence.newBuilder().setTime(Instant.parse("2025-06-01T10:01:59Z")).setKind("Pod")
                                .setName(pod).setReason("Failed").setMessage("Failed to pull image \"" + IMAGE
                                        + "\": ... no space left on device").setCount(1).build(),
                        Evidence.newBuilder().setTime(Instant.parse("2025-06-01T10:02:00.250Z")).setKind("Pod")
                                .setName(pod).setReason("BackOff").setMessage("Back-off pulling image \"" + IMAGE
                                        + "\"").setCount(2).build())))
                .setRemediation(new ArrayList<>(hint.remediation()))
                .setFirstSeen(Instant.parse("2025-06-01T10:01:59Z"))
                .setLastSeen(Instant.parse("2025-06-01T10:02:00.250Z"))
                .setSignalCount(7)
                .setText("")
                .build();
    }
}
