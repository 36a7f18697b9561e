package dev.incidents.recordings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A pod a component's message names, with its namespace when the message gives it. */
record PodInMessage(String name, String namespace) {
    /**
     * The kubelet names the pod in many of its messages: {@code Back-off restarting failed container app in pod
     * web-0_shop(uid)}, {@code Unable to mount volumes for pod "web-0_shop(uid)"}, {@code ... for pod "web-0"/"shop"}
     * (before 1.10), {@code failed to set up sandbox container "..." network for pod "web-0"} (no namespace: group 2
     * is then null), a CrashLoopBackOff state's {@code container=app pod=web-0_shop(uid)}, the security context's
     * {@code (pod: "web-0_shop(uid)", container: app)}, a lifecycle hook's {@code in Pod "web-0_shop(uid)"}, the CNI
     * plugin's {@code networkPlugin cni failed to set up pod "web-0_shop" network}. {@code pods "x" is forbidden}
     * (plural) is a controller's, about a pod that was never made.
     */
    private static final Pattern POD_IN_MESSAGE = Pattern.compile(
            "\\b[Pp]od(?::\\s|[ =])\"?([a-z0-9][-a-z0-9.]*[a-z0-9])(?:_([a-z0-9][-a-z0-9]*[a-z0-9])[(\"]|\"/\"([a-z0-9][-a-z0-9]*[a-z0-9])\""
            + "|\"(?=[:\\s]))");
    /**
     * Multus names the pod in its own brackets, namespace first: {@code Multus: [ns/web-0/<uid>]: error ...}, {@code
     * failed (add): [ns/web-0/<uid>:storage]: error adding container to network "storage"} (the attachment after the
     * colon), {@code error configuring pod [ns/web-0] networking}.
     */
    private static final Pattern MULTUS_POD = Pattern.compile("\\[([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)/"
            + "([a-z0-9](?:[-a-z0-9.]*[a-z0-9])?)(?:/[0-9a-f][-0-9a-f]{7,})?(?::[-A-Za-z0-9._]+)?](?=[:\\s])");
    /**
     * CRI-O names a pod's sandbox {@code k8s_<pod>_<namespace>_<uid>_<attempt>} in its own failures ({@code failed to
     * create pod network sandbox k8s_web-0_shop_<uid>_0(<id>)}), and the CNI library it calls names the pod namespace
     * first ({@code error adding pod shop_web-0 to CNI network "cbr0"}, {@code error removing pod ... from CNI network}).
     * Neither name nor namespace may hold an underscore, so the split is exact.
     */
    private static final Pattern RUNTIME_SANDBOX_POD = Pattern.compile("\\bsandbox k8s_([a-z0-9](?:[-a-z0-9.]*[a-z0-9])?)_"
            + "([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)_[0-9a-f][-0-9a-f]{7,}_\\d+\\b");
    private static final Pattern CNI_LIBRARY_POD = Pattern.compile("\\bpod ([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)_"
            + "([a-z0-9](?:[-a-z0-9.]*[a-z0-9])?) (?:to|from) CNI network\\b");

    /**
     * The pod a kubelet message names, null when none. A message may name it twice, the second time with its namespace
     * (a sandbox failure: {@code network for pod "coredns-5c98db65d4-h5vwr": NetworkPlugin cni failed to set up pod
     * "coredns-5c98db65d4-h5vwr_kube-system" network}): the first mention that gives the namespace wins, else the first.
     */
    static PodInMessage in(String message) {
        Matcher m = POD_IN_MESSAGE.matcher(message);
        PodInMessage first = null;
        while (m.find()) {
            if (namespaceIn(m) != null) {
                return new PodInMessage(m.group(1), namespaceIn(m));
            }
            if (first == null) {
                first = new PodInMessage(m.group(1), null);
            }
        }
        if (first == null && message.contains("CNI network")) {
            Matcher cni = CNI_LIBRARY_POD.matcher(message);
            if (cni.find()) {
                return new PodInMessage(cni.group(2), cni.group(1));
            }
        }
        if (first == null && message.contains("sandbox k8s_")) {
            Matcher sandbox = RUNTIME_SANDBOX_POD.matcher(message);
            if (sandbox.find()) {
                return new PodInMessage(sandbox.group(1), sandbox.group(2));
            }
        }
        if (message.contains("multus") || message.contains("Multus") || message.contains("configuring pod [")) {
            Matcher multus = MULTUS_POD.matcher(message);
            if (multus.find()) {
                return new PodInMessage(multus.group(2), multus.group(1));
            }
        }
        return first;
    }

    /** The namespace a {@link #POD_IN_MESSAGE} match gives, null when the message names the pod alone. */
    private static String namespaceIn(Matcher podInMessage) {
        return podInMessage.group(2) != null ? podInMessage.group(2) : podInMessage.group(3);
    }
}
