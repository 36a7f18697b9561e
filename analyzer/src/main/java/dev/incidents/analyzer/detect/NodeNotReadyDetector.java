package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.FailedSchedulingMessage;
import dev.incidents.analyzer.messages.NodeNotReadyReason;
import dev.incidents.analyzer.messages.TaintEviction;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.NodeObserved;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.schemas.Condition;
import java.util.List;
import java.util.Optional;

/**
 * A node that is not Ready: the node controller's {@code NodeNotReady} event ("Node x status is now: NodeNotReady"),
 * or a snapshot whose Ready condition is False (the kubelet says why: {@code PLEG is not healthy}, {@code container
 * runtime is down}, the network plugin not ready) or Unknown (the kubelet stopped posting status). The condition's
 * reason and message pick the cause. Recovers on {@code NodeReady} or a snapshot with Ready True.
 */
public final class NodeNotReadyDetector implements Detector {

    @Override
    public Category category() {
        return Category.NODE_NOT_READY;
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (!subject.subject().isNode()) {
            return Optional.empty();
        }
        if (signal instanceof EventSignal e && "Node".equals(e.involvedKind()) && "NodeNotReady".equals(e.reason())) {
            return Optional.of(Findings.of(e, Facts.of(Fact.NODE, e.involvedName())));
        }
        if (signal instanceof EventSignal e && "Pod".equals(e.involvedKind()) && "NodeNotReady".equals(e.reason())
                && e.node().filter(subject.subject().name()::equals).isPresent()) {
            // the node controller marks every pod of a node it finds not ready ("Node is not ready"): a pod's
            // describe may be all there is of it, routed here by the pod's node (SignalRouting)
            return Optional.of(Findings.of(e, Facts.of(Fact.NODE, e.node().get())));
        }
        if (signal instanceof EventSignal e && "FailedScheduling".equals(e.reason())
                && subject.unnamedNodeOfUnobservedCluster()
                && FailedSchedulingMessage.parse(e.message()).everyNodeNotReady()) {
            // routed here when the scheduler sees every node down (SignalRouting); the only evidence when no node
            // of the cluster was observed: an unreachable taint means the kubelet stopped posting status
            boolean unreachable = e.message().contains("unreachable");
            return Optional.of(Findings.of(e, unreachable ? Facts.empty().withClue(Clue.KUBELET_STOPPED_POSTING)
                    : Facts.empty()));
        }
        if (signal instanceof EventSignal e && subject.unnamedNodeOfUnobservedCluster()
                && TaintEviction.marksForDeletion(e.reason(), e.message())) {
            // routed here when the taint manager evicts a pod (SignalRouting): the NoExecute taint it acts on is the
            // node lifecycle controller's for a node gone not ready or unreachable
            return Optional.of(Findings.of(e, Facts.empty()));
        }
        if (signal instanceof NodeObserved n) {
            return ready(n).filter(c -> !"True".equals(c.getStatus()))
                    .map(c -> Findings.of(n, c, Facts.empty().withClue(NodeNotReadyReason.clue(c.getReason(),
                            c.getMessage()))));
        }
        return Optional.empty();
    }

    @Override
    public Optional<Recovery> recovery(Signal signal, SubjectView subject) {
        if (signal instanceof EventSignal e && "Node".equals(e.involvedKind()) && "NodeReady".equals(e.reason())) {
            return Optional.of(Recovery.all("recovered: node " + e.involvedName() + " Ready"));
        }
        if (signal instanceof EventSignal e && "Node".equals(e.involvedKind()) && "Rebooted".equals(e.reason())) {
            // the kubelet says so once per boot, on its first start after it (a new boot id): the node was down
            // because it rebooted and is back. If it stays NotReady (no network, no runtime), the kubelet itself now
            // reports NodeNotReady, which starts the wait again.
            return Optional.of(Recovery.all("recovered: node " + e.involvedName() + " rebooted and its kubelet is back"));
        }
        if (signal instanceof NodeObserved n && ready(n).filter(c -> "True".equals(c.getStatus())).isPresent()) {
            return Optional.of(Recovery.all("recovered: node " + n.snapshot().getName() + " Ready"));
        }
        return Optional.empty();
    }

    /**
     * The Ready condition; without one (a pasted table cut short), any condition the node lifecycle controller set to
     * Unknown with {@code NodeStatusUnknown}: it does that to every condition at once when the kubelet stops posting
     * status, Ready included.
     */
    private static Optional<Condition> ready(NodeObserved n) {
        List<Condition> conditions = n.snapshot().getConditions();
        return conditions.stream().filter(c -> "Ready".equals(c.getType())).findFirst()
                .or(() -> conditions.stream().filter(c -> "Unknown".equals(c.getStatus())
                        && "NodeStatusUnknown".equals(c.getReason())).findFirst());
    }
}
