package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.VolumeClaimMessage;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.Signal;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code FailedScheduling} on unbound immediate PersistentVolumeClaims or a volume node affinity conflict, plus the
 * PVC's own {@code ProvisioningFailed} / {@code FailedBinding} / {@code VolumeMismatch} events (those are keyed by
 * the claim, which then is the subject: the event does not say which workload mounts it).
 */
public final class PvcUnboundDetector extends SchedulingDetector {

    /** How long a claim may wait for its external provisioner before that counts as a failure. */
    static final Duration PROVISIONER_SILENT = Duration.ofMinutes(5);

    public PvcUnboundDetector() {
        super(Category.PVC_UNBOUND);
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (signal instanceof EventSignal e && "PersistentVolumeClaim".equals(e.involvedKind())
                && ("ProvisioningFailed".equals(e.reason()) || "FailedBinding".equals(e.reason())
                        || "VolumeMismatch".equals(e.reason())
                        || "ExternalProvisioning".equals(e.reason()) && provisionerSilent(e))) {
            Facts clue = VolumeClaimMessage.parse(e.message()).map(VolumeClaimMessage::facts).orElse(Facts.empty());
            return Optional.of(Findings.of(e, clue.with(Fact.PVC, e.involvedName())));
        }
        return super.examine(signal, subject);
    }

    /**
     * The claim controller's {@code ExternalProvisioning} ("waiting for a volume to be created, either by external
     * provisioner ...") repeats while the provisioner has not answered. A working one answers within seconds, a slow
     * one within minutes; still waiting after {@link #PROVISIONER_SILENT}, the provisioner is not running (a CSI driver
     * never installed: EKS's gp2 class names {@code ebs.csi.aws.com} since 1.23).
     */
    private static boolean provisionerSilent(EventSignal e) {
        return Duration.between(e.firstTime(), e.time()).compareTo(PROVISIONER_SILENT) >= 0;
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
