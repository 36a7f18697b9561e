package dev.incidents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.io.StringWriter;
import dev.incidents.kafka.testing.BrokerBootstrap;
import dev.incidents.kafka.testing.KafkaBrokerExtension;
import dev.incidents.schemas.KafkaClientConfig;
import dev.incidents.schemas.TopicProvisioner;
import dev.incidents.schemas.TopicSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** The README's first command, run in-process: a real throwaway broker, the shipper, the analyzer, the printout. */
@ExtendWith(KafkaBrokerExtension.class)
class DemoIT {

    static final Path RECORDING = Path.of("..", "samples", "gpu-inference-outage.jsonl");

    /**
     * Runs the packaged CLI as {@code bin/incidents} does (the jar and {@code target/lib}, a separate JVM), so a
     * dependency missing from the runtime classpath fails here and not on a newcomer's first command.
     */
    @Test
    void the_demo_prints_every_seed_case_equals_replay_and_leaves_no_broker_behind() throws Exception {
        Process demo = new ProcessBuilder(PackagedCli.command(List.of(), "demo", "--color", "never")).start();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(demo.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(demo.getErrorStream()));
        assertThat(demo.waitFor(4, TimeUnit.MINUTES)).as("demo finished").isTrue();
        int exit = demo.exitValue();
        String err = stderr.get();
        String printed = stdout.get();
        assertThat(exit).as("exit status; stderr:\n%s\nstdout:\n%s", err, printed).isZero();
        assertThat(printed)
                .contains("[OPEN]    CRITICAL IMAGE_PULL_DISK_FULL    inference/Deployment/triton")
                .contains("$ kubectl describe node ip-10-0-1-149.ec2.internal")
                .contains("Same incidents as `bin/incidents replay")
                .contains("To page or chat: bin/incidents notify --slack-token xoxb-... --slack-channel C0123456789")
                .contains("7 incidents, ")
                .contains(", 0 duplicate transitions");
        String summary = printed.substring(printed.indexOf("STATUS    SEVERITY"));
        assertThat(summary.lines().skip(1).takeWhile(l -> !l.isBlank()).toList()).containsExactlyInAnyOrder(
                "OPEN      CRITICAL  INSUFFICIENT_GPU        genai/Deployment/llm-summarizer",
                "OPEN      CRITICAL  OOM_KILLED              inference/Deployment/embedding-worker",
                "OPEN      CRITICAL  REPLICA_CREATE_FAILED   inference/Deployment/triton-ensemble",
                "RESOLVED  CRITICAL  IMAGE_PULL_DISK_FULL    inference/Deployment/triton",
                "RESOLVED  CRITICAL  IMAGE_PULL_DISK_FULL    inference/Deployment/vllm-llama3",
                "OPEN      WARNING   PROBE_FAILURE           inference/Deployment/vllm-mistral",
                "RESOLVED  CRITICAL  NODE_DISK_PRESSURE      node/ip-10-0-1-149.ec2.internal");

        Matcher report = Pattern.compile("Post-mortem of this run: (\\S+)").matcher(printed);
        assertThat(report.find()).as("the demo names its report; stdout:\n%s", printed).isTrue();
        String html = Files.readString(Path.of(report.group(1)));
        assertThat(html.split("<details class=\"incident ", -1)).as("one row per incident").hasSize(7 + 1);
        assertThat(html).contains("data-id=\"prod-us-east-1/inference/Deployment/triton/IMAGE_PULL_DISK_FULL\"");

        Matcher pid = Pattern.compile("broker up in \\d+ ms \\(pid (\\d+)\\)").matcher(err);
        assertThat(pid.find()).as("the demo started its own broker; stderr:\n%s", err).isTrue();
        assertThat(ProcessHandle.of(Long.parseLong(pid.group(1))).map(ProcessHandle::isAlive).orElse(false))
                .as("the demo's broker is stopped").isFalse();
    }

    @Test
    void on_a_shared_broker_the_demo_uses_its_own_topics_and_deletes_them(@BrokerBootstrap String bootstrap) throws Exception {
        Map<String, Object> client = KafkaClientConfig.load(bootstrap, null, null);
        try (Admin admin = Admin.create(client)) {
            TopicProvisioner.ensure(admin, TopicSpecs.defaults(1), (short) 1);
            Set<String> before = admin.listTopics().names().get();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));

            int exit = cli.execute("demo", "--recording", RECORDING.toString(), "--bootstrap-server", bootstrap);

            assertThat(exit).as("stderr:\n%s", err).isZero();
            assertThat(err.toString()).contains("demo: on a shared broker: topics incidents-demo-");
            assertThat(out.toString()).contains("(live = offline)");
            assertThat(admin.listTopics().names().get()).as("the demo's topics are gone, the others untouched")
                    .containsExactlyInAnyOrderElementsOf(before);
            assertThat(admin.listGroups().all().get()).noneMatch(g -> g.groupId().startsWith("incidents-demo-"));
        }
    }

    static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
