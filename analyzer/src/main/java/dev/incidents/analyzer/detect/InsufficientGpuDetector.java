package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.correlate.PodState;
import dev.incidents.analyzer.hints.Clue;
import java.util.List;

/**
 * {@code FailedScheduling} naming {@code Insufficient} of an accelerator resource. The scheduler's message cannot
 * tell "no GPU exists" from "all GPUs taken"; Node snapshots can, so when the cluster's nodes are known the catalog
 * causes are re-ranked: no node advertises the resource (device plugin / GPU Operator), the request is larger than
 * any node's capacity, or every advertised GPU is allocated.
 */
public final class InsufficientGpuDetector extends SchedulingDetector {

    public InsufficientGpuDetector() {
        super(Category.INSUFFICIENT_GPU);
    }

    /**
     * Free GPUs split over nodes are GPU_FRAGMENTED, which says so; a pending member of a partly placed gang is
     * GANG_PARTIALLY_PLACED, whose placed members hold GPUs in vain.
     */
    @Override
    public java.util.Set<Category> yieldsTo() {
        return java.util.Set.of(Category.GPU_FRAGMENTED, Category.GANG_PARTIALLY_PLACED);
    }

    /** The most units of {@code resource} one pod of the subject asks for (what must fit on one node). */
    static long requested(SubjectView subject, String resource) {
        long requested = 0;
        for (PodState pod : subject.pods().values()) {
            requested = Math.max(requested, Quantities.count(pod.requests.get(resource)));
        }
        return requested;
    }

    @Override
    public List<CauseEvidence> weigh(EvidenceSummary evidence, SubjectView subject) {
        List<CauseEvidence> stalled = ScaleUpStalled.evidence(subject);
        if (!stalled.isEmpty()) {
            return stalled;
        }
        String resource = evidence.facts().get("RESOURCE");
        ResourceOffer offer = resource == null ? ResourceOffer.NOTHING_KNOWN : subject.nodeOffers().apply(resource);
        if (offer.nodesObserved() == 0) {
            return List.of();
        }
        long requested = requested(subject, resource);
        if (offer.advertised().isEmpty()) {
            return List.of(CauseEvidence.proving(Clue.NO_NODE_ADVERTISES_RESOURCE,
                    offer.nodesObserved() + " node(s) observed, none with allocatable " + resource));
        }
        if (requested > offer.largest()) {
            return List.of(CauseEvidence.proving(Clue.REQUEST_ABOVE_NODE_CAPACITY,
                    "the pod requests " + requested + " " + resource + ", the largest node offers " + offer.largest()));
        }
        int advertising = offer.advertised().size();
        return List.of(CauseEvidence.proving(Clue.ALL_ADVERTISED_ALLOCATED, advertising + " node(s) advertise "
                + offer.total() + " " + resource + ": "
                + CauseEvidence.listed(offer.advertising(CauseEvidence.NAMED), advertising)));
    }
}
