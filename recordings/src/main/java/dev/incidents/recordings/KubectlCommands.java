package dev.incidents.recordings;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kubectl command lines a paste keeps above what they printed: which lines are commands, and the namespace they
 * name. What a pod or controller command names is {@link PodCommand}'s.
 */
final class KubectlCommands {
    /**
     * kubectl as people type it: {@code kubectl}, OpenShift's {@code oc}, and the {@code k} alias the kubectl docs
     * suggest ({@code alias k=kubectl}).
     */
    static final String KUBECTL = "\\b(?:kubectl|oc|k)\\b";
    /** The command pasted above the table: {@code $ kubectl get events -n inference}, {@code kubectl events -n x}. */
    static final Pattern EVENTS_COMMAND = Pattern.compile(
            "(?m)" + KUBECTL + "[^\\n]*?\\b(?:get\\s+(?:events|event|ev)|events)\\b[^\\n]*");
    /** A kubectl command anywhere in the paste (oc too): {@code kubectl --context live-0 -n monitoring get deployments}. */
    static final Pattern ANY_COMMAND = Pattern.compile("(?m)" + KUBECTL + "\\s[^\\n]*");

    /**
     * A command line's start: a shell prompt ({@code user@host:~$ }) or a shell trace's {@code +}, or nothing; then
     * what kubectl is run under, if anything: {@code sudo} (a k3s node's kubeconfig is root's), k3s's and MicroK8s'
     * bundled kubectl ({@code k3s kubectl}, {@code microk8s kubectl}, {@code microk8s.kubectl}), {@code minikube
     * kubectl --}.
     */
    private static final String PROMPT = "^\\s*(?:\\S*[$#>%]\\s+|\\+{1,2}\\s+)?"
            + "(?:(?:sudo(?:\\s+-\\S+)*|k3s|microk8s|minikube)\\s+|microk8s\\.)*";
    private static final Pattern COMMAND_LINE = Pattern.compile(PROMPT + KUBECTL + "\\s.*");

    private KubectlCommands() {
    }

    /** A kubectl (or oc) command line, behind a prompt or a shell trace's {@code +} or not: a command's output ends there. */
    static boolean isCommandLine(String line) {
        return COMMAND_LINE.matcher(line).matches();
    }

    /**
     * The namespace every kubectl command of the paste that names one names ({@code -n monitoring}), or null when
     * none does or they disagree: the reporter was looking at that namespace, including at rows printed without it.
     * Commands on lines of their own, as they were run, speak first; one quoted in a sentence (prose naming another
     * namespace: {@code keeps it out of `kubectl get all -n session10`}) only when no command line names one.
     */
    static String commandsNamespace(String text) {
        String run = agreedNamespace(COMMAND_LINES.matcher(text));
        String agreed = run != null && run.isEmpty() ? agreedNamespace(ANY_COMMAND.matcher(text)) : run;
        return agreed == null || agreed.isEmpty() ? null : agreed;
    }

    /**
     * The {@code -n} of the nearest line among the {@code reach} lines above {@code at} that {@code command} finds
     * (the command that printed the output at {@code at}), else {@code default}: kubectl's namespace when none is given.
     */
    static String namespaceAbove(List<String> lines, int at, Pattern command, int reach) {
        for (int k = at - 1; k >= 0 && k >= at - reach; k--) {
            if (command.matcher(lines.get(k)).find()) {
                String flag = PodsTable.namespaceFlag(lines.get(k));
                return flag == null ? "default" : flag;
            }
        }
        return "default";
    }

    /** A command at a line's start, behind a prompt or not, as {@link #isCommandLine} takes it. */
    private static final Pattern COMMAND_LINES = Pattern.compile("(?m)" + PROMPT + KUBECTL + "\\s[^\\n]*");

    /** The namespace the commands found agree on; empty when none names one, null when they disagree. */
    private static String agreedNamespace(Matcher command) {
        String found = "";
        while (command.find()) {
            String flag = PodsTable.namespaceFlag(command.group());
            if (flag != null) {
                if (!found.isEmpty() && !found.equals(flag)) {
                    return null;
                }
                found = flag;
            }
        }
        return found;
    }
}
