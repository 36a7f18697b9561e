package dev.incidents.recordings;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ShellPromptTest {

    /** Lines from the real-world fixtures after which an event's message had run on. */
    @ParameterizedTest
    @ValueSource(strings = {
            "$ kubectl label node gtr chuggy.dev/pool=work",
            "$ get pods -l app=mysql --watch",
            "[root@hvidlccpwa55 tmp]# kubectl get po -n actions-runner-system",
            "(base) jun@jun-Victus-by-HP-Gaming-Laptop-16-r0xxx:~$ kubectl describe node | grep -A 10 \"Conditions\"",
            "+ kubectl logs fail-1-crashloop-pod -n troubleshooting",
            "bash-3.2$ kubectl --context live-0 -n monitoring get deployments",
            "~/devops-homework/session-14-kubernetes-troubleshooting/02-troubleshooting/04-pending$ sleep 8",
            "^Cpolakinio@Polakinio:~/Projects/k8s/week1$ kubectl get pod probe-demo -w",
            "user@gpu-node-7:~$ sudo journalctl -u kubelet | tail -1",
            "➜  littlecoin git:(master) ✗ kubectl describe pod litecoin-0",
            "% kubectl get events",
            "# dmesg -T | grep -i xid",
            "kubectl get events -n llm",
            "  $ kubectl get pods",
    })
    void aCommandTypedAtAShellEndsTheOutputAboveIt(String line) {
        assertThat(ShellPrompt.isCommandLine(line)).isTrue();
    }

    /** Lines of kubectl's own output, and the reporter's labels, that a message or a describe goes on through. */
    @ParameterizedTest
    @ValueSource(strings = {
            "      cat /etc/config-template/index.html | sed \"s/__NAME__/IKS-san/\" > /etc/config/index.html",
            "kubectl describe pod pending-pod-resource outputs:",
            "  Warning  Unhealthy  1s (x3 over 11s)  kubelet  Readiness probe failed: HTTP probe failed with statuscode: 404",
            "Mounting command: systemd-run",
            "Output: Running scope as unit run-r1c9.scope.",
            "# Karpenter magic: Under the hood a nodeclaim is created",
            "kind: Pod",
            "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current",
            "      /usr/local/bin/server > /var/log/server.log",
            "docker: Error response from daemon: OCI runtime create failed",
            "curl: (7) Failed to connect to localhost port 8080",
    })
    void outputAndProseAreNoCommand(String line) {
        assertThat(ShellPrompt.isCommandLine(line)).isFalse();
    }
}
