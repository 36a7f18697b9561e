package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.Kube;
import dev.incidents.schemas.Incident;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A probe the server answers in a way no later probe will change (a path it does not serve, HTTPS against plain
 * HTTP, a check that needs credentials; an exec probe whose credentials the server rejects or whose command is not in
 * the image, or is written for a shell the kubelet does not run it in) fails every time: one such failure opens its
 * incident, with the cause that says so. A failure a starting server gives too (connection refused, 503) needs its
 * repeats, as before.
 */
class MisdirectedProbeReplayTest {

    static final Instant T0 = Instant.parse("2025-05-20T08:00:00Z");
    static final String POD = "argo-server-6c8b9d7f5-x2x9q";

    static List<Incident> replayed(String message) {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(Kube.podEvent(POD, "Warning", "Unhealthy", message, T0, "u-1", "node-1"), T0);
            return replay.finish().latest();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Readiness probe failed: Get https://10.2.1.7:2746/: tls: first record does not look like a TLS handshake|READINESS_FAILING",
        "Readiness probe failed: HTTP probe failed with statuscode: 404|READINESS_FAILING",
        // prometheus-operator#5419 class: the server asks every client for a certificate (mutual TLS on its probe port)
        "Startup probe failed: Get \"https://10.244.0.37:9090/-/ready\": remote error: tls: bad certificate|PROBE_FAILURE",
        "Readiness probe failed: Get \"https://10.2.1.7:8443/healthz\": remote error: tls: certificate required|READINESS_FAILING",
        "Liveness probe failed: Get \"https://10.2.1.7:8443/healthz\": remote error: tls: handshake failure|PROBE_FAILURE",
        "Readiness probe failed: Get \"https://10.2.1.7:8443/ready\": http: server gave HTTP response to HTTPS client|READINESS_FAILING",
        "Startup probe failed: HTTP probe failed with statuscode: 404|PROBE_FAILURE",
        "Liveness probe failed: HTTP probe failed with statuscode: 401|PROBE_FAILURE",
        "Liveness probe failed: 2025/05/20 08:00:00 gorethink: Wrong password|PROBE_FAILURE",
        "Readiness probe failed: ERROR 1045 (28000): Access denied for user 'monitor'@'localhost' (using password: YES)|READINESS_FAILING",
        "Liveness probe failed: NOAUTH Authentication required.|PROBE_FAILURE",
        "Liveness probe failed: OCI runtime exec failed: exec failed: unable to start container process: exec: \"/health.sh\": executable file not found in $PATH: unknown|PROBE_FAILURE",
        // awx-operator#1922: the probe execs a path the image does not have (the message cut where the reporter's was)
        "Readiness probe errored: rpc error: code = Unknown desc = failed to exec in container: failed to start exec \"bac4\": OCI runtime exec failed: exec failed: unable to start container process: exec: \"/usr/bin/awx-manage\": stat /usr/bin/awx-manage: no such file or directory: u|READINESS_FAILING",
        "Liveness probe failed: OCI runtime exec failed: exec failed: container_linux.go:380: starting container process caused: exec: \"/probe.sh\": permission denied: unknown|PROBE_FAILURE",
        // Docker 1.12 to 17.03 wrapped runc's error in a gRPC header value, its quotes escaped twice over
        "Readiness probe failed: rpc error: code = 13 desc = invalid header field value \"oci runtime error: exec failed: container_linux.go:247: starting container process caused \\\"exec: \\\\\\\"/opt/ready.sh\\\\\\\": stat /opt/ready.sh: no such file or directory\\\"\\n\"|READINESS_FAILING",
        // kubernetes#21315: a kubelet before 1.3 printed the error page, not the status code
        "Liveness probe failed: <html> <head><title>404 Not Found</title></head> <body bgcolor=\"white\"> <center><h1>404 Not Found</h1></center> </body> </html>|PROBE_FAILURE",
        // dynatrace-oneagent-operator#90: an exec probe's glob, which only a shell expands
        "Readiness probe failed: grep: /proc/*/stat: No such file or directory|READINESS_FAILING",
        "Liveness probe failed: cat: $HOME/healthy: No such file or directory|PROBE_FAILURE",
        "Readiness probe failed: sh: 1: curl: not found|READINESS_FAILING",
        // elastic/helm-charts#852: a bash test in a script the probe runs under sh, after the script's own output
        "Readiness probe failed: Error: Got HTTP code 200 but expected a 200 sh: 11: [[: not found|READINESS_FAILING",
        "Liveness probe failed: /bin/sh: line 1: wget: command not found|PROBE_FAILURE",
        // elastic/helm-charts#514: an exec probe's HTTP check on a path that redirects to a login page
        "Readiness probe failed: Error: Got HTTP code 302 but expected a 200|READINESS_FAILING",
        "Liveness probe failed: curl: (22) The requested URL returned error: 404 Not Found|PROBE_FAILURE",
        // kubernetes#13226 class: an HTTP probe's host field set to a name the kubelet cannot resolve
        "Liveness probe failed: Get http://website-example-a:80/watcher.html: dial tcp: lookup website-example-a: no such host|PROBE_FAILURE",
        "Readiness probe failed: Get \"http://api.internal:8080/ready\": dial tcp: lookup api.internal on 10.96.0.10:53: no such host|READINESS_FAILING",
        // dra-driver-nvidia-gpu#328 class: an address of a family the node does not have (IPv6 on an IPv4-only node)
        "Startup probe failed: Query Status returned error code: 14 - failed to connect to all addresses; last error: UNKNOWN: ipv6:%5B::%5D:50005: Address family not supported by protocol|PROBE_FAILURE",
        // dex#2178 class: plain HTTP against a TLS listener, answered by Go's TLS server
        "Readiness probe failed: Client sent an HTTP request to an HTTPS server.|READINESS_FAILING",
    })
    void one_answer_the_probe_never_expects_opens_its_incident(String message, String category) {
        assertThat(replayed(message)).singleElement().satisfies(i -> {
            assertThat(i.getCategory()).isEqualTo(category);
            assertThat(i.getCauses().get(0).getId()).isEqualTo("PROBE_MISDIRECTED");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Readiness probe failed: Get \"http://10.2.1.7:8080/ready\": dial tcp 10.2.1.7:8080: connect: connection refused",
        "Readiness probe failed: HTTP probe failed with statuscode: 503",
        "Readiness probe failed: HTTP probe failed with statuscode: 429",
        "Startup probe failed: HTTP probe failed with statuscode: 500",
        "Readiness probe failed: Error: Got HTTP code 503 but expected a 200",
        "Liveness probe failed: curl: (22) The requested URL returned error: 503 Service Unavailable",
        "Readiness probe failed: cat: can't open '/tmp/ready': No such file or directory",
        "Liveness probe failed: cat: /tmp/healthy: No such file or directory",
        "Startup probe failed: mysqladmin: connect to server at 'localhost' failed",
        "Liveness probe failed: Get \"https://10.2.1.7:8443/healthz\": remote error: tls: internal error",
    })
    void one_failure_a_starting_server_also_gives_opens_nothing(String message) {
        assertThat(replayed(message)).isEmpty();
    }
}
