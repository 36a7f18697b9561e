package dev.incidents.analyzer.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(60));

    @Test
    void backoff_doubles_up_to_its_maximum_and_stops_after_the_last_attempt() {
        DeliveryException busy = DeliveryException.retryable("HTTP 503");

        assertThat(policy.delayAfter(1, busy)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(2, busy)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(3, busy)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.delayAfter(4, busy)).isNull();
        assertThat(policy.delayAfter(1, DeliveryException.permanent("HTTP 404"))).isNull();
    }

    @Test
    void retry_after_is_honoured_when_longer_and_too_long_a_wait_gives_up() {
        assertThat(policy.delayAfter(1, new DeliveryException("429", true, Duration.ofSeconds(7)))).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.delayAfter(3, new DeliveryException("429", true, Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.delayAfter(1, new DeliveryException("429", true, Duration.ofHours(1)))).isNull();
    }

    @Test
    void run_retries_then_gives_up_with_the_last_reason() {
        RetryPolicy quick = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1));
        List<Integer> attempts = new ArrayList<>();

        assertThatThrownBy(() -> quick.run(n -> {
            attempts.add(n);
            throw DeliveryException.retryable("HTTP 500 from hooks.example");
        }, (n, e, wait) -> { })).isInstanceOf(DeliveryException.class)
                .hasMessage("HTTP 500 from hooks.example (after 3 attempts)");
        assertThat(attempts).containsExactly(1, 2, 3);
    }

    @Test
    void retry_after_reads_seconds_and_http_dates() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T14:00:00Z"), ZoneOffset.UTC);

        assertThat(HttpPost.retryAfter("30", clock)).isEqualTo(Duration.ofSeconds(30));
        assertThat(HttpPost.retryAfter("Wed, 02 Dec 2026 14:00:12 GMT", clock)).isEqualTo(Duration.ofSeconds(12));
        assertThat(HttpPost.retryAfter("soon", clock)).isNull();
        assertThat(HttpPost.retryAfter(null, clock)).isNull();
    }
}
