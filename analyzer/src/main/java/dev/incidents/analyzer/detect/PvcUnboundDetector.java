package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.VolumeClaimMessage;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.Signal;
import java.util.Optional;

/**
 * {@code FailedScheduling} on unbound immediate PersistentVolumeClaims or a volume node affinity conflict, plus the
 * PVC's own {@code ProvisioningFailed} / {@code FailedBinding} events (those are keyed by the claim, which then is
 * the subject: the event does not say which workload mounts it).
 */
public final class PvcUnboundDetector extends SchedulingDetector {

    public PvcUnboundDetector() {
        super(Category.PVC_UNBOUND);
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (signal instanceof EventSignal e && "PersistentVolumeClaim".equals(e.involvedKind())
                && ("ProvisioningFailed".equals(e.reason()) || "FailedBinding".equals(e.reason()))) {
            Facts clue = VolumeClaimMessage.parse(e.message()).map(VolumeClaimMessage::facts).orElse(Facts.empty());
            return Optional.of(Findings.of(e, clue.with(Fact.PVC, e.involvedName())));
        }
        return super.examine(signal, subject);
    }

    @Override
    public Optional<Recovery> recovery(Signal signal, SubjectView subject) {
        if (signal instanceof EventSignal e && "PersistentVolumeClaim".equals(e.involvedKind())
                && "ProvisioningSucceeded".equals(e.reason())) {
            return Optional.of(Recovery.of(e.involvedName(), "recovered: claim " + e.involvedName() + " provisioned"));
        }
        return super.recovery(signal, subject);
    }
}
