package dev.incidents.analyzer.detect;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.correlate.PodState;
import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Facts;
import dev.incidents.analyzer.messages.ImagePullFailure;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.schemas.Container;
import dev.incidents.schemas.ContainerState;
import java.util.Optional;
import java.util.Set;

/**
 * The STARTUP image pull categories share the kubelet's {@code Failed} events and differ by why the pull failed.
 * The kubelet follows a {@code Failed to pull image "x": <why>} with {@code Error: ErrImagePull},
 * {@code Error: ImagePullBackOff} and {@code Back-off pulling image "x"}, which say that it fails but not why: those
 * count for the category the pod's last explained failure had, else for IMAGE_NOT_FOUND as a guess. kubelets before 1.6
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
        if (signal instanceof PodObserved p) {
            return waitingOnPull(p, subject);
        }
        if (!(signal instanceof EventSignal e) || e.pod().isEmpty()
                || !PULL_REASONS.contains(e.reason())) {
            return Optional.empty();
        }
        Optional<ImagePullFailure> parsed = ImagePullFailure.parse(e.message())
                .or(() -> "ErrImagePull".equals(e.reason()) ? ImagePullFailure.runtimeAnswer(null, e.message())
                        : Optional.empty());
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Reading reading = reading(parsed.get(), subject, e.pod());
        // the explained failure's clue (rate limit, TLS, unreachable) picks the cause; an unexplained one is a guess
        return reading.category() != category() ? Optional.empty()
                : Optional.of(Findings.of(e, reading.facts(parsed.get())));
    }

    /** The category a pull failure counts for, and whether it is a guess. */
    private record Reading(Category category, boolean guess) {
        /** The failure's facts, marked a guess when nothing said why the pull fails. */
        Facts facts(ImagePullFailure failure) {
            return guess ? failure.facts().withClue(Clue.PULL_UNEXPLAINED) : failure.facts();
        }
    }

    /**
     * The category a pull failure counts for: its own when it says why, else the pod's last explained one, else
     * IMAGE_NOT_FOUND as a guess ({@link Clue#PULL_UNEXPLAINED}): of the pull failures whose reason is not at hand
     * (a listing's {@code ImagePullBackOff}, the events cut to {@code Error: ErrImagePull}), most turn out to be a tag
     * or repository that does not exist. A failure that says why wins over the guess ({@code IncidentLifecycle}).
     */
    private static Reading reading(ImagePullFailure failure, SubjectView subject, Optional<String> pod) {
        Optional<Category> podsLast = subject.pod(pod).map(p -> p.pullCategory).map(Category::valueOf);
        if (!failure.causeKnown()) {
            return podsLast.map(c -> new Reading(c, false)).orElse(new Reading(Category.IMAGE_NOT_FOUND, true));
        }
        return new Reading(failure.deniedAlike() && podsLast.filter(Category.IMAGE_PULL_AUTH::equals).isPresent()
                ? Category.IMAGE_PULL_AUTH : failure.category(), false);
    }

    /**
     * A container (an init container too) waiting in {@code ErrImagePull} or {@code ImagePullBackOff} (or
     * {@code ImageInspectError}, the runtime unable to look the image up): the pod's
     * status says the pull fails even where no event is at hand (a {@code kubectl get pods} row:
     * {@code Init:ImagePullBackOff}); its waiting message, when there is one, is the runtime's answer or the back-off.
     */
    private Optional<Finding> waitingOnPull(PodObserved p, SubjectView subject) {
        for (Container c : p.everyContainer()) {
            ContainerState state = c.getState();
            if (state == null || state.getReason() == null || !WAITING_ON_PULL.contains(state.getReason())) {
                continue;
            }
            String message = state.getMessage() == null ? "" : state.getMessage();
            ImagePullFailure failure = ImagePullFailure.parse(message)
                    .filter(f -> f.causeKnown() || f.image().isPresent())
                    .or(() -> "ErrImagePull".equals(state.getReason())
                            ? ImagePullFailure.runtimeAnswer(c.getImage(), message) : Optional.empty())
                    .or(() -> NOT_PULLABLE.contains(state.getReason())
                            ? ImagePullFailure.parse("Error: " + state.getReason()) : Optional.empty())
                    .orElseGet(() -> ImagePullFailure.unexplained(c.getImage(), state.getReason()));
            Reading reading = reading(failure, subject, p.pod());
            if (reading.category() != category()) {
                return Optional.empty();
            }
            return Optional.of(Findings.of(p, c, state.getReason(), message.isEmpty() ? "container " + c.getName()
                    + " waiting in " + state.getReason() : message, reading.facts(failure)));
        }
        return Optional.empty();
    }

    /**
     * The waiting reasons of a container whose image cannot be pulled: the pull fails, or is never tried ({@link
     * #NOT_PULLABLE}).
     */
    private static final Set<String> WAITING_ON_PULL = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "ErrImageNeverPull", "ImageInspectError");
    /** An image reference that cannot be parsed, or pull policy Never and the image not on the node: not found. */
    private static final Set<String> NOT_PULLABLE = Set.of("InvalidImageName", "ErrImageNeverPull");

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
