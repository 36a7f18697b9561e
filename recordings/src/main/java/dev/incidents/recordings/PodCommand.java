package dev.incidents.recordings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code kubectl describe|get} command of a pod or a pod controller pasted above what it printed: the kind, the
 * object it names (null: none), its {@code -n}, whether it has {@code -l}.
 */
record PodCommand(String verb, String kind, String name, String namespace, boolean selector) {
    /**
     * The command pasted above a table whose own header was cut, {@code kubectl describe pod web-0 -n shop} (OpenShift's
     * {@code oc describe -n ns pods/web-0} too), or above a print of one pod's fields, {@code kubectl get pod gpu-pod
     * --template '{{.status.conditions}}'}.
     */
    private static final Pattern POD_COMMAND = Pattern.compile(
            "(?m)" + KubectlCommands.KUBECTL + "[^\\n]*?\\b(describe|get)\\s+((?:-{1,2}[a-z][-a-z]*(?:=\\S+|\\s+[^-\\s]\\S*)?\\s+)*)"
            + "(pods?|po)(?:/|\\s+)([^\\n]*)");
    /**
     * {@code kubectl describe rs toolbox-84b4c6f7f6} (and the other pod controllers, and a pod's claim: {@code describe
     * pvc web-data}) above a table cut from it; {@code kubectl get sts elastic-operator -o jsonpath=...} too, the
     * reporter looking into one controller.
     */
    private static final Pattern CONTROLLER_COMMAND = Pattern.compile(
            "(?m)" + KubectlCommands.KUBECTL + "[^\\n]*?\\b(describe|get)\\s+((?:-{1,2}[a-z][-a-z]*(?:=\\S+|\\s+[^-\\s]\\S*)?\\s+)*)"
            + "(rs|replicasets?|deploy|deployments?|sts|statefulsets?|ds|daemonsets?|jobs?|cronjobs?|cj|pvc"
            + "|persistentvolumeclaims?)"
            + "(?:\\.(?:apps|batch))?(?:/|\\s+)([^\\n]*)");
    /** kubectl flags whose value is the next word. */
    private static final Set<String> VALUED_FLAGS = Set.of("-o", "--output", "-l", "--selector", "-c", "--context",
            "--field-selector", "--template", "--sort-by", "--kubeconfig");

    /** The namespace the command's object is in: its {@code -n}, else kubectl's default. */
    String namespaceOrDefault() {
        return namespace == null ? "default" : namespace;
    }

    /** The pod this command names, with {@code status} as its status (a print or excerpt of it below the command). */
    com.fasterxml.jackson.databind.node.ObjectNode pod(com.fasterxml.jackson.databind.JsonNode status) {
        return YamlObjects.object("Pod", name, namespaceOrDefault(), status);
    }

    /**
     * The shell aliases of kubectl's describe and get that courses teach and people type where the command would be
     * ({@code alias kd='kubectl describe'}, {@code kdp}, {@code kgp}), at a line's start or after its prompt.
     */
    private static final Pattern ALIAS = Pattern.compile("(?m)^(\\s*(?:[$#>%]\\s*)?)(kdp|kd|kgp)(?=\\s)");

    /** {@code text} with the aliases above written out as the kubectl commands they stand for. */
    static String expandAliases(String text) {
        Matcher alias = ALIAS.matcher(text);
        if (!alias.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        do {
            String command = switch (alias.group(2)) {
                case "kdp" -> "kubectl describe pod";
                case "kgp" -> "kubectl get pods";
                default -> "kubectl describe";
            };
            alias.appendReplacement(out, Matcher.quoteReplacement(alias.group(1) + command));
        } while (alias.find());
        alias.appendTail(out);
        return out.toString();
    }

    /** The pod command {@code line} is ({@code kubectl get pod oom -n l02 -o ...}), or null when it is none. */
    static PodCommand of(String line) {
        Matcher command = POD_COMMAND.matcher(expandAliases(line));
        return command.find() ? parse(command) : null;
    }

    /** {@code kubectl get pod NAME ...}, one pod named: its command, else null (a list, a describe, no command). */
    static PodCommand namedGet(String line) {
        PodCommand command = of(line);
        return command != null && "Pod".equals(command.kind()) && "get".equals(command.verb()) && command.name() != null
                ? command : null;
    }

    /** Every pod and pod controller command in {@code text}: the pods' first, then the controllers'. */
    static List<PodCommand> allIn(String text) {
        List<PodCommand> commands = new ArrayList<>();
        String expanded = expandAliases(text);
        for (Pattern pattern : List.of(POD_COMMAND, CONTROLLER_COMMAND)) {
            Matcher command = pattern.matcher(expanded);
            while (command.find()) {
                commands.add(parse(command));
            }
        }
        return commands;
    }

    private static PodCommand parse(Matcher command) {
        // the flags before the resource (oc describe -n ns pods/x) and the words after it, read alike; a command
        // quoted inline in prose (5. `kubectl describe pods web-0`) ends at its closing backtick
        String after = command.group(4);
        int tick = after.indexOf('`');
        String own = shellCommandEnd(tick >= 0 ? after.substring(0, tick) : after);
        String[] words = (command.group(2) + " " + own).trim().split("\\s+");
        String name = null;
        String namespace = null;
        boolean selector = false;
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.equals("-n") || word.equals("--namespace")) {
                namespace = i + 1 < words.length ? words[++i] : null;
            } else if (word.startsWith("--namespace=")) {
                namespace = word.substring("--namespace=".length());
            } else if (VALUED_FLAGS.contains(word)) {
                selector |= word.equals("-l") || word.equals("--selector");
                i++; // -o wide, -l app=web: the next word is the flag's
            } else if (word.startsWith("-")) {
                selector |= word.startsWith("--selector=") || word.startsWith("-l=");
            } else if (name == null && word.matches("[a-z0-9][-a-z0-9.]*[a-z0-9]")) {
                name = word;
            } else {
                break; // a pipe, a redirect, prose: the command ends
            }
        }
        if (namespace == null) {
            // the flag before the verb: kubectl -n default describe pod gpu-textgen
            namespace = PodsTable.namespaceFlag(command.group());
        }
        return new PodCommand(command.group(1), kind(command.group(3)), name, namespace, selector);
    }

    /**
     * {@code words} up to where the shell ends the command: a {@code ;}, {@code |}, {@code &} or {@code >} outside
     * quotes ({@code -o jsonpath='{.items[0].spec}'; echo}: {@code echo} is the next command, not a pod).
     */
    static String shellCommandEnd(String words) {
        char quote = 0;
        for (int i = 0; i < words.length(); i++) {
            char c = words.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ';' || c == '|' || c == '&' || c == '>') {
                return words.substring(0, i);
            }
        }
        return words;
    }

    /** The kind a command's resource word names. */
    private static String kind(String resource) {
        return switch (resource) {
            case "rs", "replicaset", "replicasets" -> "ReplicaSet";
            case "deploy", "deployment", "deployments" -> "Deployment";
            case "sts", "statefulset", "statefulsets" -> "StatefulSet";
            case "ds", "daemonset", "daemonsets" -> "DaemonSet";
            case "job", "jobs" -> "Job";
            case "cj", "cronjob", "cronjobs" -> "CronJob";
            case "pvc", "persistentvolumeclaim", "persistentvolumeclaims" -> "PersistentVolumeClaim";
            default -> "Pod";
        };
    }
}
