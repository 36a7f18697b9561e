package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.SandboxFailure;
import java.util.Set;

/** {@code FailedCreatePodSandBox}: the runtime or the CNI plugin cannot set up the pod's sandbox. */
public final class SandboxFailedDetector extends EventReasonDetector {
    public SandboxFailedDetector() {
        super(Category.SANDBOX_FAILED, Set.of("FailedCreatePodSandBox"));
    }

    /** CNI, IP exhaustion or a missing runtime handler: the clue picks the cause. */
    @Override
    protected Facts facts(String message) {
        return SandboxFailure.parse(message).map(SandboxFailure::facts).orElse(Facts.empty());
    }
}
