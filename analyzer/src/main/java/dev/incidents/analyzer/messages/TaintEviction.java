package dev.incidents.analyzer.messages;

/**
 * The taint manager's {@code TaintManagerEviction} on a pod ({@code Marking for deletion Pod default/nginx-64f...}):
 * the pod's node carries a {@code NoExecute} taint the pod does not tolerate. The node lifecycle controller puts one
 * on every node it finds not ready or unreachable ({@code node.kubernetes.io/not-ready}, {@code .../unreachable}),
 * which is why the pods of a powered-off node go after their five-minute toleration (kubernetes#67300). Its
 * {@code Cancelling deletion} twin says the taint went away before the toleration ran out: no eviction.
 */
public final class TaintEviction {

    private static final String REASON = "TaintManagerEviction";

    private TaintEviction() {
    }

    /** Whether an event is the taint manager deciding to delete a pod (not cancelling a decision). */
    public static boolean marksForDeletion(String reason, String message) {
        return REASON.equals(reason) && message != null && message.startsWith("Marking for deletion");
    }
}
