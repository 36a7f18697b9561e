package dev.incidents.analyzer.messages;

import dev.incidents.analyzer.hints.Fact;
import dev.incidents.analyzer.hints.Facts;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A probe failing: the kubelet {@code Unhealthy} event ({@code Liveness probe failed: HTTP probe failed with
 * statuscode: 503}, {@code Startup probe errored: ...}) or its {@code Killing} event
 * ({@code Container triton failed liveness probe, will be restarted}). A {@code Killing} for a probe is what turns a
 * slow model load into a restart loop (seed 003, question 16).
 *
 * @param probe     which probe
 * @param restart   true for the {@code Killing ... will be restarted} message
 * @param container the container, when named (only {@code Killing} messages name it)
 * @param detail    what the probe saw ({@code connection refused}, {@code statuscode: 503}), empty for Killing
 * @param raw       the message verbatim
 */
public record ProbeFailure(Probe probe, boolean restart, Optional<String> container, String detail, String raw) {

    public enum Probe {
        LIVENESS,
        READINESS,
        STARTUP;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern UNHEALTHY = Pattern.compile(
            "^\\s*(Liveness|Readiness|Startup) probe (?:failed|errored)\\s*:?\\s*(.*)$", Pattern.DOTALL);
    /**
     * The kubelet's kill: {@code Container triton failed liveness probe, will be restarted}; a native sidecar's (an init
     * container with {@code restartPolicy: Always}, 1.28+) {@code Init container linkerd-proxy failed startup probe};
     * quoted without the container's name ({@code Container failed liveness probe, will be restarted}) it is still the
     * kill.
     */
    private static final Pattern KILLING = Pattern.compile(
            "(?:Init c|C)ontainer (?:(\\S+) )?failed (liveness|startup|readiness) probe");
    /**
     * Kubelets 1.9 to 1.13 named the container by its runtime id: {@code Killing container with id docker://hub:Container
     * failed liveness probe.. Container will be killed and recreated.}
     */
    private static final Pattern KILLING_BY_ID = Pattern.compile(
            "Killing container with id [a-z-]+://([^:\\s]+):Container failed (liveness|startup|readiness) probe");

    /**
     * The probe reached the endpoint and gave up waiting for its answer: an HTTP probe past its timeout while awaiting
     * headers (older kubelets: {@code net/http: request canceled (Client.Timeout exceeded ...)}, newer: {@code context
     * deadline exceeded (Client.Timeout exceeded while awaiting headers)}), an exec probe's {@code command "..." timed
     * out}, a gRPC probe's {@code health rpc did not complete within 1s}. Not a failed dial ({@code dial tcp ...: i/o
     * timeout}): that endpoint was not reached at all.
     */
    private static final Pattern TIMED_OUT = Pattern.compile(
            "Client\\.Timeout exceeded while awaiting headers|\\btimed out\\s*$|did not complete within"
                    + "|context deadline exceeded");

    /**
     * The server answered the probe, so it is up, and the answer says the probe asks the wrong thing: an HTTP client
     * error for the request itself ({@code statuscode: 404}, or the error page a kubelet before 1.3 printed instead,
     * {@code <title>404 Not Found</title>}: a path it does not serve; 400, 401, 403, 405: a request,
     * credentials or method it refuses; not 408 or 429, which a busy server gives), or the other protocol ({@code tls:
     * first record does not look like a TLS handshake}: an HTTPS probe against plain HTTP; {@code server gave HTTP
     * response to HTTPS client}; Go's TLS server answering a plain HTTP probe, {@code Client sent an HTTP request to an
     * HTTPS server.}), or a TLS handshake the server ends with an alert ({@code remote error: tls: bad
     * certificate}, {@code certificate required}: it asks every client for a certificate, and the kubelet has none to
     * give; {@code handshake failure}, {@code protocol version}: no cipher or TLS version in common). The kubelet's HTTPS
     * probe verifies nothing of the server, so such an alert is the server's settings refusing every probe alike. An
     * exec probe alike: the server it checks rejects the probe's credentials
     * ({@code gorethink: Wrong password}, {@code Access denied for user}, {@code NOAUTH Authentication required}), or
     * the probe's command is not in the image ({@code executable file not found in $PATH}, the runtime's {@code exec:
     * "/usr/bin/awx-manage": stat /usr/bin/awx-manage: no such file or directory} for a path the image does not have,
     * or {@code permission denied} for a file it cannot run, a shell's {@code curl: not found} or
     * {@code command not found}), or the command is written for a shell it does not run in: the kubelet execs
     * an exec probe's command directly, so a glob or a variable in a path stays as typed and the file is never there
     * (<code>grep: /proc/&#42;/stat: No such file or directory</code>, {@code cat: $HOME/ready: No such file or directory}).
     * An exec probe's own HTTP check that reports the server's answer likewise: a client error as above or a redirect
     * ({@code Error: Got HTTP code 302 but expected a 200}, the Elastic charts' check; curl's {@code The requested URL
     * returned error: 404}): an exec probe's check asks for one code, so a redirect (a path behind a login page) is its
     * failure every time, where the kubelet's own HTTP probe follows it.
     * An HTTP probe whose {@code host} names a host the kubelet cannot resolve ({@code dial tcp: lookup
     * website-example-a: no such host}: a probe without a host dials the pod's IP and looks nothing up; the field read
     * as a Host header) fails the same way every time too.
     * A server still starting refuses the connection or answers 5xx instead.
     */
    private static final Pattern MISDIRECTED = Pattern.compile(
            "statuscode: 40[01345]\\b|<title>\\s*40[01345]\\b|first record does not look like a TLS handshake"
                    + "|server gave HTTP response to HTTPS client|Client sent an HTTP request to an HTTPS server"
                    + "|remote error: tls: (?:bad certificate|certificate required|unknown certificate authority"
                    + "|handshake failure|protocol version)|executable file not found in \\$PATH"
                    + "|\\bexec: (?:\\\\)*\"[^\"\\\\]+(?:\\\\)*\": (?:stat \\S+: )?(?:no such file or directory"
                    + "|permission denied)"
                    + "|(?:^|\\s)(?:/bin/)?(?:ba|da)?sh: (?:\\d+: )?\\S+: (?:command )?not found|: command not found"
                    + "|^\\S+: [^:\\s]*(?:[*?]|\\$\\{?[A-Za-z_])[^:\\s]*: No such file or directory"
                    + "|\\bdial tcp: lookup [^\\s:]+(?: on \\S+)?: no such host"
                    // an address of a family the node's or the pod's network does not have (an IPv6 wildcard or
                    // loopback on a node without IPv6): EAFNOSUPPORT, the same answer at every probe
                    + "|(?i:address family not supported by protocol)"
                    + "|\\bHTTP code (?:3\\d\\d|40[01345]) but expected\\b|\\bThe requested URL returned error: 40[01345]\\b"
                    + "|(?i:wrong password|password authentication failed|authentication failed|access denied for user"
                    + "|NOAUTH Authentication required|WRONGPASS invalid username-password)");

    /**
     * The runtime could not run an exec probe because the container had stopped: containerd's {@code container not
     * running (<id>)} and {@code container is in CONTAINER_EXITED state}, runc's {@code cannot exec a container that
     * has stopped} (older: {@code ... that has run and stopped}, {@code cannot exec in a stopped container}), CRI-O's
     * {@code container is not created or running}, Docker's {@code Container <id> is not running} and {@code No such
     * container}. The kubelet probes only running containers, so such a failure races with the container's own end:
     * it says the container exited, not that the probe found it unhealthy.
     */
    private static final Pattern CONTAINER_NOT_RUNNING = Pattern.compile(
            "\\bcontainer not running\\b|\\bCONTAINER_EXITED\\b|\\bcannot exec (?:in )?a (?:stopped )?container\\b"
                    + "|\\bcontainer is not created or running\\b|\\b[Cc]ontainer [0-9a-f]{12,64} is not running\\b"
                    + "|\\bNo such container\\b");

    private static final LastParse<Optional<ProbeFailure>> LAST = new LastParse<>(ProbeFailure::read);

    /** Never throws; empty for messages that are not about a probe. */
    public static Optional<ProbeFailure> parse(String message) {
        return LAST.parse(message);
    }

    private static Optional<ProbeFailure> read(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher unhealthy = UNHEALTHY.matcher(message);
        if (unhealthy.find()) {
            Probe probe = Probe.valueOf(unhealthy.group(1).toUpperCase(Locale.ROOT));
            return Optional.of(new ProbeFailure(probe, false, Optional.empty(), unhealthy.group(2).trim(), message));
        }
        Matcher killing = KILLING_BY_ID.matcher(message);
        if (killing.find() || (killing = KILLING.matcher(message)).find()) {
            Probe probe = Probe.valueOf(killing.group(2).toUpperCase(Locale.ROOT));
            return Optional.of(new ProbeFailure(probe, true, Optional.ofNullable(killing.group(1)), "", message));
        }
        return Optional.empty();
    }

    /**
     * The endpoint is up but answers slower than the probe's {@code timeoutSeconds} (1 s unless set): a server still
     * starting refuses connections or answers 503 instead, so a timeout says the probe is too tight for it, or it hangs.
     */
    public boolean timedOut() {
        return !detail.contains("dial tcp") && TIMED_OUT.matcher(detail).find();
    }

    /**
     * The server is up and the probe asks it something it will never answer as the probe expects (see
     * {@link #MISDIRECTED}): every later probe fails the same way, so one failure says as much as many.
     */
    public boolean misdirected() {
        return MISDIRECTED.matcher(detail).find();
    }

    /** The probe could not run because the container had already stopped (see {@link #CONTAINER_NOT_RUNNING}). */
    public boolean containerNotRunning() {
        return CONTAINER_NOT_RUNNING.matcher(detail).find();
    }

    /** {@code {probe}} ({@code liveness}, {@code startup}, {@code readiness}) and {@code {container}}. */
    public Facts facts() {
        return Facts.of(Fact.PROBE, probe.word()).with(Fact.CONTAINER, container);
    }
}
