package dev.incidents.analyzer.correlate;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The evidence gathered for one category on one subject, before and while it is an incident. Sorted collections
 * only, so the same input always gives the same bytes.
 */
public final class Candidate {
    public String category;
    public long firstSeen;
    public long lastSeen;
    public int signalCount;
    /** Objects (pods, ReplicaSets, nodes) still failing; empty after recovery. */
    public TreeSet<String> failing = new TreeSet<>();
    /**
     * Failing objects dropped from {@link #failing} to bound it: their recovery cannot be seen, so an incident with
     * any of them resolves only by the quiet period, never because the kept ones recovered.
     */
    public int failingDropped;
    public TreeSet<String> pods = new TreeSet<>();
    public TreeSet<String> nodes = new TreeSet<>();
    /** For node incidents: {@code namespace/Kind/name} of the workloads hit. */
    public TreeSet<String> workloads = new TreeSet<>();
    public boolean nodeLevel;
    /** Fact name to value, the latest value wins. */
    public TreeMap<String, String> facts = new TreeMap<>();
    /** Clues (names of {@link dev.incidents.analyzer.hints.Clue}) the evidence messages carried; they pick causes. */
    public TreeSet<String> clues = new TreeSet<>();
    public List<EvidenceLine> evidence = new ArrayList<>();
    /** What recovery last removed a failing object (the resolution when the last one recovers). */
    public String recovery;

    /** Lifecycle: true once OPEN was emitted, until RESOLVED. */
    public boolean open;
    /** A better-explaining category held this one back once it was ready (see {@code Detector.yieldsTo}). */
    public boolean yielded;
    public long lastEmitted;
    public boolean pendingUpdate;
    /** Pods, nodes, workloads or facts changed since the lifecycle last looked: an update may be due. */
    public boolean changed;
    /** The earlier-phase incident this one supersedes, decided when it opens. */
    public String follows;
    /**
     * Every finding so far was a guess ({@link dev.incidents.analyzer.hints.Clue#guess()}): the candidate gives way to
     * any other of its phase that evidence proves, and an open one is superseded when such a one opens.
     */
    public boolean guessOnly;

    public Candidate() {
    }

    Candidate(String category) {
        this.category = category;
    }

    int totalCount() {
        int total = 0;
        for (EvidenceLine e : evidence) {
            total += Math.max(1, e.count);
        }
        return total;
    }
}
