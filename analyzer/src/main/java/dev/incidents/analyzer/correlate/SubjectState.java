package dev.incidents.analyzer.correlate;

import java.util.TreeMap;

/**
 * Everything the correlator keeps about one subject (a workload or a node): its pods and the candidate incidents by
 * category. One store entry per subject, purged when untouched for the subject retention (bounded state).
 */
public final class SubjectState {
    public long lastTouched;
    public TreeMap<String, PodState> pods = new TreeMap<>();
    public TreeMap<String, Candidate> candidates = new TreeMap<>();
    /** Incidents of this subject resolved recently, id to phase ordinal and resolve time: what a later phase follows. */
    public TreeMap<String, Long> recentlyResolved = new TreeMap<>();
    /** Node subjects: accelerator resource to the allocatable count the node last advertised. */
    public TreeMap<String, Long> acceleratorsAdvertised = new TreeMap<>();
    /**
     * Node subjects: accelerator resource to the count the node should advertise, the allocatable before a drop (or
     * the capacity, when higher); equal to the advertised count while healthy.
     */
    public TreeMap<String, Long> acceleratorsExpected = new TreeMap<>();
    /** Workload subjects: the gang objects (PodGroup, Workload) of the workload, by the object's name. */
    public TreeMap<String, GroupState> groups = new TreeMap<>();
    /** The key of this subject's entry in the deadline index, so it can be moved. */
    public String deadlineKey;

    public SubjectState() {
    }
}
