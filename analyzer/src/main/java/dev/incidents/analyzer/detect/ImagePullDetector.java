package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.correlate.PodState;
import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.ImagePullFailure;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.Signal;
import java.util.Optional;
import java.util.Set;

/**
 * The STARTUP image pull categories share the kubelet's {@code Failed} events and differ by why the pull failed.
 * The kubelet follows a {@code Failed to pull image "x": <why>} with {@code Error: ErrImagePull},
 * {@code Error: ImagePullBackOff} and {@code Back-off pulling image "x"}, which say that it fails but not why: those
 * count for the category the pod's last explained failure had, else for IMAGE_PULL_FAILED. kubelets before 1.6
 * reported pull failures inside {@code FailedSync} events ({@link ImagePullFailure} unwraps them).
 */
public abstract class ImagePullDetector extends CategoryDetector {


    /**
     * The kubelet's event reasons that carry a pull failure: {@code Failed} and {@code BackOff} (the pull and its
     * back-off), {@code ErrImageNeverPull} (pull policy Never, image absent), {@code InspectFailed} (an invalid image
     * reference), {@code ErrImagePull} (some runtimes' wrappers) and pre-1.6 {@code FailedSync}.
     */
    private static final Set<String> PULL_REASONS = Set.of("Failed", "BackOff", "ErrImagePull", "ErrImageNeverPull",
            "InspectFailed", "FailedSync");

    protected ImagePullDetector(Category category) {
        super(category);
    }

    @Override
    public Optional<Finding> examine(Signal signal, SubjectView subject) {
        if (signal instanceof EventSignal e && e.pod().isEmpty() && e.isWarning()) {
            return resolvingTag(e);
        }
        if (!(signal instanceof EventSignal e) || e.pod().isEmpty()
                || !PULL_REASONS.contains(e.reason())) {
            return Optional.empty();
        }
        Optional<ImagePullFailure> parsed = ImagePullFailure.parse(e.message());
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        ImagePullFailure failure = parsed.get();
        Optional<Category> podsLast = subject.pod(e.pod()).map(p -> p.pullCategory).map(Category::valueOf);
        Category explained = !failure.causeKnown() ? podsLast.orElse(Category.IMAGE_PULL_FAILED)
                : failure.deniedAlike() && podsLast.filter(Category.IMAGE_PULL_AUTH::equals).isPresent()
                ? Category.IMAGE_PULL_AUTH : failure.category();
        if (explained != category()) {
            return Optional.empty();
        }
        // the explained failure's clue (rate limit, TLS, unreachable) picks the cause; an unexplained one has none
        Facts facts = failure.facts();
        return Optional.of(Findings.of(e, facts));
    }

    /**
     * A controller that resolves the image tag itself (Knative's Revision) failed before any pod was created: the
     * registry answered the controller, whose credentials are not the pod's imagePullSecrets.
     */
    private Optional<Finding> resolvingTag(EventSignal e) {
        return ImagePullFailure.resolvingTag(e.event().getInvolvedObject().getApiVersion(), e.message())
                .filter(f -> f.category() == category())
                .map(f -> Findings.of(e, f.facts().withClue(Clue.TAG_RESOLUTION)));
    }

    /** The pod's known pull path, for evidence lines. */
    static Optional<String> pathOf(SubjectView subject) {
        for (PodState pod : subject.pods().values()) {
            if (pod.pullPath != null) {
                return Optional.of(pod.pullPath);
            }
        }
        return Optional.empty();
    }
}
