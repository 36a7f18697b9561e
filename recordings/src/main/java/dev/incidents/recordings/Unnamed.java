package dev.incidents.recordings;

import java.util.regex.Pattern;

/**
 * The names the reader gives to what a paste shows but does not name: a pod whose Events table or State block came
 * without its describe header, a node whose Conditions table came alone, a gang's status, the containers of a {@code kubectl get pods}
 * row. They keep a fragment's evidence together (DESIGN section 6: a fragment still yields its incident); they are
 * not names to print in a command someone will run.
 */
public final class Unnamed {
    public static final String POD = "unnamed-pod";
    public static final String NODE = "unnamed-node";
    public static final String CONTAINER = "unnamed-container";
    public static final String INIT_CONTAINER = "unnamed-init-container";
    public static final String POD_GROUP = "unnamed-podgroup";

    /**
     * One of the above, a numbered container placeholder ({@code unnamed-container-2}), or the stand-in for another
     * kind's object an Events table is about ({@code unnamed-persistentvolumeclaim}, {@code unnamed-workload}).
     */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "unnamed-(?:pod|node|container|init-container|podgroup|workload|persistentvolumeclaim)(?:-\\d{1,4})?");

    private Unnamed() {
    }

    /**
     * The stand-in for an object of {@code kind} an Events table is about but does not name ({@code PodGroup} becomes
     * {@code unnamed-podgroup}); every kind the reader makes one for is among {@link #PLACEHOLDER}'s.
     */
    static String of(String kind) {
        return "unnamed-" + kind.toLowerCase(java.util.Locale.ROOT);
    }

    public static boolean isPlaceholder(String name) {
        return name != null && PLACEHOLDER.matcher(name).matches();
    }
}
