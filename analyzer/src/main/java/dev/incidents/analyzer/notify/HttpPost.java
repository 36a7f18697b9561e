package dev.incidents.analyzer.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * POSTs a body and sorts the answer the way every destination's API documents it: 2xx is taken, 429 and 5xx and
 * network errors may be retried (with the server's {@code Retry-After}, in seconds or as an HTTP date, RFC 9110
 * section 10.2.3), any other status is final.
 */
public final class HttpPost {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BODY_IN_REASON = 200;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Clock clock;

    public HttpPost(Clock clock) {
        this.clock = clock;
    }

    /** The 2xx response, or the failure classified. */
    public HttpResponse<String> send(URI uri, String contentType, String body, Map<String, String> headers)
            throws DeliveryException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw DeliveryException.retryable(uri.getHost() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.retryable("interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        String reason = "HTTP " + status + " from " + uri.getHost() + ": " + abbreviate(response.body());
        if (status == 429 || status >= 500) {
            return throwRetryable(reason, response);
        }
        throw DeliveryException.permanent(reason);
    }

    private HttpResponse<String> throwRetryable(String reason, HttpResponse<String> response) throws DeliveryException {
        throw new DeliveryException(reason, true, retryAfter(response));
    }

    /** The response's {@code Retry-After}, or null. */
    Duration retryAfter(HttpResponse<?> response) {
        return retryAfter(response.headers().firstValue("Retry-After").orElse(null), clock);
    }

    /** {@code Retry-After}: delay-seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_BODY_IN_REASON ? oneLine : oneLine.substring(0, MAX_BODY_IN_REASON) + "…";
    }
}
