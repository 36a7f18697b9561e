package dev.incidents.recordings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workload a Pod most likely belongs to, guessed from the Pod's name alone, for pods seen only in events or
 * pasted {@code describe} fragments. Controllers name their pods predictably:
 * <ul>
 *   <li>Deployment: {@code <deploy>-<pod-template-hash>-<5>} through ReplicaSet {@code <deploy>-<hash>}; the hash is
 *       6 to 10 characters of Kubernetes' "safe" alphabet {@code bcdfghjklmnpqrstvwxz2456789} (no vowels, no 0/1/3);</li>
 *   <li>CronJob: {@code <cronjob>-<scheduled minute, 8 digits>-<5>} through Job {@code <cronjob>-<digits>}, and before
 *       1.21 {@code <cronjob>-<scheduled second, 10 digits, a whole minute>-<5>};</li>
 *   <li>Deployment before 1.8: {@code <deploy>-<decimal hash, 9-10 digits>-<5>} (ambiguous);</li>
 *   <li>indexed Job: {@code <job>-<index>-<5>};</li>
 *   <li>StatefulSet: {@code <name>-<ordinal>};</li>
 *   <li>DaemonSet and non-indexed Job pods are both {@code <name>-<5>} (a generated suffix: no vowel, or a digit in
 *       it): indistinguishable by name. The guess is
 *       DaemonSet (node agents such as the NVIDIA device plugin are what GPU incidents involve) and
 *       {@link #ambiguous()} is true;</li>
 *   <li>Argo Workflows (and Kubeflow Pipelines, which run on it): {@code <workflow>-<node id, 7-10 digits>}, the
 *       workflow named {@code <name>-<5>} by its generateName ({@code coinflip-c29nz-981967317}), or since Argo 3.4
 *       {@code <workflow>-<template>-<node id>};</li>
 *   <li>anything else: the bare Pod itself.</li>
 * </ul>
 * Owner references, when a recording has them, always win over this guess.
 *
 * @param kind      Deployment, CronJob, Job, StatefulSet, DaemonSet, Workflow or Pod
 * @param name      the workload's name
 * @param via       the intermediate owner (ReplicaSet or Job name), or null
 * @param ambiguous true when the name fits several controllers equally well
 */
public record WorkloadName(String kind, String name, String via, boolean ambiguous) {
    private static final String SAFE = "[bcdfghjklmnpqrstvwxz2456789]";
    private static final String SUFFIX = "[a-z0-9]{5}";
    /** The CronJob controller names Jobs by the scheduled minute since the epoch: 8 digits until the year 2160. */
    private static final Pattern CRONJOB_POD = Pattern.compile("^((.+)-(\\d{8}))-" + SUFFIX + "$");
    /** Before 1.8 the pod-template-hash was a decimal 32-bit FNV hash, mostly 9 or 10 digits. */
    private static final Pattern LEGACY_DEPLOYMENT_POD = Pattern.compile("^((.+)-(\\d{9,10}))-" + SUFFIX + "$");
    private static final Pattern DEPLOYMENT_POD = Pattern.compile("^((.+)-(" + SAFE + "{6,10}))-" + SUFFIX + "$");
    private static final Pattern INDEXED_JOB_POD = Pattern.compile("^(.+)-(0|[1-9]\\d{0,6})-" + SUFFIX + "$");
    private static final Pattern STATEFULSET_POD = Pattern.compile("^(.+)-(0|[1-9]\\d{0,5})$");
    /**
     * {@code <name>-<5>} where the five are a generated suffix: the safe alphabet's (Kubernetes since 1.6), or before
     * that any letters and digits with a digit among them. Five letters with a vowel are a word ({@code catalog-cache},
     * {@code redis-proxy}): a name someone chose, not one a controller generated.
     */
    private static final Pattern GENERATED_POD = Pattern.compile("^(.+)-(?:" + SAFE + "{5}|(?=[a-z]*[0-9])" + SUFFIX + ")$");
    /**
     * {@code <prefix>-<5>}, the five of the safe alphabet only: a Job's or a DaemonSet's pod as named since 1.6, whose
     * prefix is the controller's name ({@link #generatedPrefix}).
     */
    private static final Pattern SAFE_GENERATED_POD = Pattern.compile("^([a-z0-9][-a-z0-9.]*)-" + SAFE + "{5}$");
    /** Two generated suffixes of the safe alphabet, each with a letter: {@code cosa-5zxpd-6wbtc}. */
    private static final Pattern TWICE_GENERATED_POD = Pattern.compile(
            "^.+-(?=[0-9]*[a-z])" + SAFE + "{5}-(?=[0-9]*[a-z])" + SAFE + "{5}$");
    private static final Pattern REPLICA_SET = Pattern.compile("^(.+)-(" + SAFE + "{6,10})$");
    /** A pasted name whose generated suffix the reporter hid: {@code egg-<id>}, {@code web-<pod-id>}. */
    private static final Pattern REDACTED_POD = Pattern.compile("^(.+?)-<[^<>]+>$");
    /** An Argo workflow's step pod: the workflow's generated name, optionally a template's name, the node id. */
    private static final Pattern WORKFLOW_POD = Pattern.compile(
            "^(.+-" + SAFE + "{5})(?:-[a-z][-a-z0-9]*)?-(\\d{7,10})$");
    private static final Pattern CRONJOB_JOB = Pattern.compile("^(.+)-\\d{8,}$");

    /**
     * The CronJob controller before 1.21 named Jobs by the scheduled time in seconds since the epoch: ten digits, a whole
     * minute (schedules have no seconds), in this century's range (2014-2036). A decimal pod-template-hash is a whole
     * minute one time in sixty, so a pre-1.8 Deployment is mistaken for a CronJob about as rarely.
     */
    private static boolean scheduledSecond(String digits) {
        if (digits.length() != 10) {
            return false;
        }
        long seconds = Long.parseLong(digits);
        return seconds % 60 == 0 && seconds >= 1_400_000_000L && seconds < 2_100_000_000L;
    }

    /** The API server cuts a {@code generateName} to this many characters before it appends the five random ones. */
    private static final int GENERATE_NAME_MAX = 58;

    /**
     * A Deployment's pod whose ReplicaSet's name is too long for its {@code generateName} ({@code <rs>-}): the API
     * server cuts it to {@value #GENERATE_NAME_MAX} characters and appends five, so the name is 63 characters long
     * and the hyphen before the random part is gone ({@code sklearn-iris-predictor-default-rvhmk-deployment-867c644464}
     * then {@code 7tz7n}: KServe's and Knative's long names). Null for any other name.
     */
    private static WorkloadName truncatedReplicaSetPod(String podName) {
        if (podName.length() != GENERATE_NAME_MAX + 5 || podName.charAt(GENERATE_NAME_MAX - 1) == '-') {
            return null;
        }
        String base = podName.substring(0, GENERATE_NAME_MAX);
        Matcher rs = REPLICA_SET.matcher(base);
        return rs.matches() && hasLetter(rs.group(2)) ? new WorkloadName("Deployment", rs.group(1), base, false) : null;
    }

    /**
     * The controller's name in a pod name it generated as {@code <prefix>-<5>} from the safe alphabet (the paste says
     * which controller elsewhere: a Completed sibling is a Job's), null for any other name.
     */
    static String generatedPrefix(String podName) {
        Matcher m = SAFE_GENERATED_POD.matcher(podName);
        return m.matches() ? m.group(1) : null;
    }

    public static WorkloadName fromPodName(String podName) {
        if (podName == null || podName.isBlank()) {
            throw new IllegalArgumentException("pod name is empty");
        }
        Matcher m = REDACTED_POD.matcher(podName);
        if (m.matches()) {
            // the reporter replaced the generated part with a placeholder ("egg-<id here>"): what is left is the
            // workload's name, its kind unknown; Deployment is the commonest
            return new WorkloadName("Deployment", m.group(1), null, true);
        }
        WorkloadName truncated = truncatedReplicaSetPod(podName);
        if (truncated != null) {
            return truncated;
        }
        m = CRONJOB_POD.matcher(podName);
        if (m.matches()) {
            return new WorkloadName("CronJob", m.group(2), m.group(1), false);
        }
        m = LEGACY_DEPLOYMENT_POD.matcher(podName);
        if (m.matches() && scheduledSecond(m.group(3))) {
            return new WorkloadName("CronJob", m.group(2), m.group(1), false);
        }
        if (m.matches()) {
            return new WorkloadName("Deployment", m.group(2), m.group(1), true);
        }
        m = DEPLOYMENT_POD.matcher(podName);
        if (m.matches() && hasLetter(m.group(3))) {
            return new WorkloadName("Deployment", m.group(2), m.group(1), false);
        }
        m = INDEXED_JOB_POD.matcher(podName);
        if (m.matches()) {
            return new WorkloadName("Job", m.group(1), null, true);
        }
        m = STATEFULSET_POD.matcher(podName);
        if (m.matches()) {
            return new WorkloadName("StatefulSet", m.group(1), null, false);
        }
        m = DEPLOYMENT_POD.matcher(podName);
        if (m.matches()) {
            // an all-digit hash is rare but legal; it is still the best reading of <a>-<b>-<c>
            return new WorkloadName("Deployment", m.group(2), m.group(1), true);
        }
        if (TWICE_GENERATED_POD.matcher(podName).matches()) {
            // <x>-<5>-<5>: named from a generateName that was itself generated (a CI agent's pod, a Job made with
            // generateName); no DaemonSet has a generated name, and which controller it was is not told
            return new WorkloadName("Pod", podName, null, true);
        }
        m = GENERATED_POD.matcher(podName);
        if (m.matches()) {
            return new WorkloadName("DaemonSet", m.group(1), null, true);
        }
        m = WORKFLOW_POD.matcher(podName);
        if (m.matches()) {
            return new WorkloadName("Workflow", m.group(1), null, true);
        }
        return new WorkloadName("Pod", podName, null, false);
    }

    /**
     * The name of the workload an object of {@code kind} named {@code name} belongs to: a Pod's workload as
     * {@link #fromPodName} guesses it, a ReplicaSet's Deployment, a Job's CronJob, any other object itself. A Pod,
     * its ReplicaSet and its Deployment all give the same name, which is what partitioning by workload needs.
     */
    public static String workloadOf(String kind, String name) {
        switch (kind) {
            case "Pod":
                return fromPodName(name).name();
            case "ReplicaSet": {
                Matcher m = REPLICA_SET.matcher(name);
                return m.matches() && hasLetter(m.group(2)) ? m.group(1) : name;
            }
            case "Job": {
                String cronJob = cronJobOfJob(name);
                return cronJob != null ? cronJob : name;
            }
            default:
                return name;
        }
    }

    /** The Deployment behind ReplicaSet {@code <deploy>-<hash>}, when {@code hash} is the pod's pod-template-hash. */
    static String deploymentOfReplicaSet(String replicaSet, String podTemplateHash) {
        if (podTemplateHash == null || !replicaSet.endsWith("-" + podTemplateHash)) {
            return null;
        }
        String deployment = replicaSet.substring(0, replicaSet.length() - podTemplateHash.length() - 1);
        return deployment.isEmpty() ? null : deployment;
    }

    /** The CronJob behind Job {@code <cronjob>-<scheduled minute>}. */
    static String cronJobOfJob(String job) {
        Matcher m = CRONJOB_JOB.matcher(job);
        return m.matches() ? m.group(1) : null;
    }

    private static boolean hasLetter(String s) {
        return s.chars().anyMatch(Character::isLetter);
    }
}
