package dev.incidents.analyzer.signal;

import java.time.Instant;
import java.util.Optional;

/**
 * One normalised input as the correlator sees it, after re-keying by {@link dev.incidents.analyzer.Subject}. Each
 * kind of input becomes one typed record with the pod and node it concerns already resolved, so detectors do not
 * each dig through raw records.
 */
public sealed interface Signal permits EventSignal, PodObserved, PodDeleted, NodeObserved, NodeDeleted, GroupObserved {

    /** Event time: the Kubernetes timestamp the record carries. */
    Instant time();

    /** The pod this signal is about, when it is about one. */
    Optional<String> pod();

    /** The node this signal is about or happened on, when known. */
    Optional<String> node();
}
