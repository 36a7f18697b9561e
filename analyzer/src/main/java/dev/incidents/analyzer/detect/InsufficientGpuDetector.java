package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.correlate.PodState;
import dev.incidents.schemas.Cause;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code FailedScheduling} naming {@code Insufficient} of an accelerator resource. The scheduler's message cannot
 * tell "no GPU exists" from "all GPUs taken"; Node snapshots can, so when the cluster's nodes are known the catalog
 * causes are re-ranked: no node advertises the resource (device plugin / GPU Operator), the request is larger than
 * any node's capacity, or every advertised GPU is allocated.
 */
public final class InsufficientGpuDetector extends SchedulingDetector {

    /** Words that pick out the catalog's causes (hints/catalog.yaml, INSUFFICIENT_GPU). */
    static final String NONE_ADVERTISED = "no node advertises";
    static final String TOO_LARGE = "than any single node";
    static final String ALL_ALLOCATED = "already allocated";

    public InsufficientGpuDetector() {
        super(Category.INSUFFICIENT_GPU);
    }

    @Override
    public List<Cause> rank(List<Cause> catalogCauses, EvidenceSummary evidence, SubjectView subject) {
        String resource = evidence.facts().get("RESOURCE");
        ResourceOffer offer = resource == null ? ResourceOffer.NOTHING_KNOWN : subject.nodeOffers().apply(resource);
        if (offer.nodesObserved() == 0) {
            return catalogCauses;
        }
        List<String> advertising = offer.advertising();
        long largest = offer.largest();
        long total = offer.total();
        long requested = 0;
        for (PodState pod : subject.pods().values()) {
            requested = Math.max(requested, Quantities.count(pod.requests.get(resource)));
        }
        String first;
        String why;
        if (advertising.isEmpty()) {
            first = NONE_ADVERTISED;
            why = offer.nodesObserved() + " node(s) observed, none with allocatable " + resource;
        } else if (requested > largest) {
            first = TOO_LARGE;
            why = "the pod requests " + requested + " " + resource + ", the largest node offers " + largest;
        } else {
            first = ALL_ALLOCATED;
            why = advertising.size() + " node(s) advertise " + total + " " + resource + ": "
                    + String.join(", ", advertising);
        }
        List<Cause> ranked = new ArrayList<>();
        for (Cause c : catalogCauses) {
            if (c.getCause().toLowerCase(Locale.ROOT).contains(first)) {
                List<String> ev = new ArrayList<>(c.getEvidence());
                ev.add(why);
                ranked.add(0, Cause.newBuilder(c).setConfidence(Math.max(0.9, c.getConfidence())).setEvidence(ev).build());
            } else {
                ranked.add(Cause.newBuilder(c).setConfidence(Math.min(c.getConfidence(), 0.5)).build());
            }
        }
        return ranked;
    }
}
