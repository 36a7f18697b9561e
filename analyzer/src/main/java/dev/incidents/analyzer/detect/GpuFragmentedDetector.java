package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.messages.FailedSchedulingMessage;
import dev.incidents.analyzer.signal.Signal;
import java.util.List;
import java.util.Optional;

/**
 * A GPU pod the scheduler cannot place ({@code Insufficient nvidia.com/gpu}) although the cluster has enough of the
 * resource free in total: it is split over nodes, none of which has as much left as the pod asks for on one node, and
 * one node could hold it if it were emptier. Needs what each node holds (the {@code gpu-placements} view, from pod
 * snapshots); without it the same evidence is INSUFFICIENT_GPU, which yields to this category when it applies. The
 * view is as of processing time, not event time, so it is trusted only when it holds as many nodes as the scheduler's
 * own verdict counts ({@code 0/6 nodes are available}).
 */
public final class GpuFragmentedDetector implements Detector {

    /** The catalog cause the free units per node are evidence for. */
    static final String FREE_BUT_SPLIT = "FREE_BUT_SPLIT";

    private final InsufficientGpuDetector insufficient = new InsufficientGpuDetector();

    @Override
    public Category category() {
        return Category.GPU_FRAGMENTED;
    }

    /** A pending member of a partly placed gang: the gang is what is broken (see {@link GangPartiallyPlacedDetector}). */
    @Override
    public java.util.Set<Category> yieldsTo() {
        return java.util.Set.of(Category.GANG_PARTIALLY_PLACED);
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        return insufficient.examine(signal, subject).filter(f -> {
            Optional<String> resource = f.facts().get(Fact.RESOURCE);
            if (resource.isEmpty()) {
                return false;
            }
            // the view is the cluster the scheduler saw only when it counts the same nodes ("0/6 nodes are
            // available"): a view ahead of or behind this pod's verdict must not turn it into another category. The
            // count first: an offer walks every node advertising the resource (a sixth of a fleet replay's time when
            // it was asked first, on every GPU pod's verdict)
            if (subject.nodesObserved().getAsInt() != FailedSchedulingMessage.parse(f.message()).total()) {
                return false;
            }
            return subject.nodeOffers().apply(resource.get())
                    .fragmentedFor(InsufficientGpuDetector.requested(subject, resource.get()));
        });
    }

    @Override
    public List<CauseEvidence> weigh(EvidenceSummary evidence, SubjectView subject) {
        String resource = evidence.facts().get("RESOURCE");
        if (resource == null) {
            return List.of();
        }
        ResourceOffer offer = subject.nodeOffers().apply(resource);
        return List.of(new CauseEvidence(FREE_BUT_SPLIT, offer.freeTotal() + " " + resource + " free in total ("
                + CauseEvidence.listed(offer.freeByNode()) + "), at most " + offer.largestFree() + " on one node; the pod "
                + "requests " + InsufficientGpuDetector.requested(subject, resource)));
    }
}
