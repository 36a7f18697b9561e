package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import java.util.Set;

/** {@code FailedCreatePodSandBox}: the runtime or the CNI plugin cannot set up the pod's sandbox. */
public final class SandboxFailedDetector extends EventReasonDetector {
    public SandboxFailedDetector() {
        super(Category.SANDBOX_FAILED, Set.of("FailedCreatePodSandBox"));
    }
}
