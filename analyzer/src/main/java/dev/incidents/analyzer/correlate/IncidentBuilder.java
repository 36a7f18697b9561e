package dev.incidents.analyzer.correlate;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.Subject;
import dev.incidents.analyzer.detect.CauseEvidence;
import dev.incidents.analyzer.detect.Detector;
import dev.incidents.analyzer.detect.EvidenceSummary;
import dev.incidents.analyzer.detect.SubjectView;
import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.hints.HintCatalog;
import dev.incidents.analyzer.hints.RenderedHint;
import dev.incidents.analyzer.render.IncidentMarkdown;
import dev.incidents.recordings.WorkloadName;
import dev.incidents.schemas.AffectedWorkload;
import dev.incidents.schemas.Cause;
import dev.incidents.schemas.Evidence;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a candidate into an {@link Incident}: the facts the hint catalog needs (the subject's names, the pod, its
 * ReplicaSet, the node, plus what detectors found), the rendered title/summary/causes/remediation, the detector's
 * ranking of causes, the evidence and the ready-to-post text.
 */
final class IncidentBuilder {

    /** Pods and nodes listed on one incident; more are summarised by the signal count. */
    static final int MAX_LISTED = 20;

    private final HintCatalog catalog;

    IncidentBuilder(HintCatalog catalog) {
        this.catalog = catalog;
    }

    static EvidenceSummary summary(Candidate c) {
        return new EvidenceSummary(c.signalCount, c.totalCount(), Duration.ofMillis(c.lastSeen - c.firstSeen),
                c.workloads, c.nodeLevel, c.facts, c.clues);
    }

    /** The incident as emitted: {@link #draft} with its ready-to-post text. */
    Incident build(Subject subject, Candidate c, Detector detector, SubjectView view, IncidentStatus status,
                   int occurrence, String follows, String resolution) {
        return withText(draft(subject, c, detector, view, status, occurrence, follows, resolution));
    }

    /** Sets the ready-to-post text of a {@link #draft}, which is then the incident as emitted. */
    static Incident withText(Incident draft) {
        draft.setText(IncidentMarkdown.render(draft));
        return draft;
    }

    /**
     * The incident without its text (empty): all a material-change check reads, without rendering Markdown for an
     * update that is not emitted.
     */
    Incident draft(Subject subject, Candidate c, Detector detector, SubjectView view, IncidentStatus status,
                   int occurrence, String follows, String resolution) {
        Category category = detector.category();
        Facts facts = facts(subject, c);
        List<CauseEvidence> weighed = detector.weigh(summary(c), view);
        for (CauseEvidence w : weighed) {
            facts = facts.withClue(w.clue());
        }
        RenderedHint hint = catalog.render(category, facts);
        List<Cause> causes = CauseEvidence.attach(hint.causes(), weighed);
        return Incident.newBuilder()
                .setId(subject.incidentId(category))
                .setOccurrence(occurrence)
                .setStatus(status)
                .setCategory(category.name())
                .setPhase(category.phase())
                .setSeverity(category.defaultSeverity())
                .setCluster(subject.cluster())
                .setNamespace(subject.isNode() ? null : subject.namespace())
                .setWorkload(subject.workloadRef())
                .setPods(first(c.pods))
                .setNodes(subject.isNode() ? List.of(subject.name()) : first(c.nodes))
                .setAffectedWorkloads(affected(c))
                .setTitle(hint.title())
                .setSummary(hint.summary())
                .setCauses(causes)
                .setEvidence(evidence(c))
                .setRemediation(hint.remediation())
                .setFirstSeen(Instant.ofEpochMilli(c.firstSeen))
                .setLastSeen(Instant.ofEpochMilli(c.lastSeen))
                .setSignalCount(c.signalCount)
                .setFollows(follows)
                .setResolution(resolution)
                .setText("")
                .build();
    }

    /** The names the catalog templates use; detector facts win over what the subject implies. */
    static Facts facts(Subject subject, Candidate c) {
        Facts facts = Facts.empty();
        if (subject.isNode()) {
            facts = facts.with(Fact.NODE, subject.name());
        } else {
            facts = facts.with(Fact.NAMESPACE, subject.namespace())
                    .with(Fact.WORKLOAD_KIND, subject.kind())
                    .with(Fact.WORKLOAD_NAME, subject.name());
            Optional<String> pod = c.failing.stream().map(f -> f.contains("/") ? f.substring(0, f.indexOf('/')) : f)
                    .filter(c.pods::contains).findFirst()
                    .or(() -> c.pods.stream().findFirst());
            facts = facts.with(Fact.POD, pod);
            if (pod.isPresent() && "Deployment".equals(subject.kind())) {
                WorkloadName guess = WorkloadName.fromPodName(pod.get());
                if (guess.via() != null && guess.name().equals(subject.name())) {
                    facts = facts.with(Fact.REPLICASET, guess.via());
                }
            }
            facts = facts.with(Fact.NODE, c.nodes.stream().findFirst());
        }
        facts = facts.with(Fact.COUNT, Integer.toString(c.totalCount()));
        for (Map.Entry<String, String> e : c.facts.entrySet()) {
            Fact fact = Fact.valueOf(e.getKey());
            if (fact == Fact.POD && facts.has(Fact.POD)) {
                continue; // the still-failing pod, not whichever pod spoke last
            }
            facts = facts.with(fact, e.getValue());
        }
        for (String clue : c.clues) {
            facts = facts.withClue(Clue.valueOf(clue));
        }
        return facts;
    }

    private static List<String> first(java.util.Collection<String> names) {
        return names.stream().limit(MAX_LISTED).toList();
    }

    private static List<AffectedWorkload> affected(Candidate c) {
        List<AffectedWorkload> out = new ArrayList<>();
        for (String w : c.workloads) {
            String[] parts = w.split("/", 3);
            if (parts.length == 3) {
                out.add(AffectedWorkload.newBuilder().setNamespace(parts[0]).setKind(parts[1]).setName(parts[2]).build());
            }
        }
        return out;
    }

    private static List<Evidence> evidence(Candidate c) {
        List<EvidenceLine> lines = new ArrayList<>(c.evidence);
        lines.sort(Comparator.comparingLong((EvidenceLine l) -> l.time).thenComparing(l -> l.key));
        List<Evidence> out = new ArrayList<>();
        for (EvidenceLine l : lines) {
            out.add(Evidence.newBuilder().setTime(Instant.ofEpochMilli(l.time)).setKind(l.kind).setName(l.name)
                    .setReason(l.reason).setMessage(l.message).setCount(Math.max(1, l.count)).build());
        }
        return out;
    }
}
