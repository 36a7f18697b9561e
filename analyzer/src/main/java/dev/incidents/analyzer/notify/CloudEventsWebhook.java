package dev.incidents.analyzer.notify;

import java.net.URI;
import java.util.Map;

/** Any HTTP endpoint: each transition POSTed as a {@link CloudEvent}; a 2xx takes it. */
public final class CloudEventsWebhook implements Destination {
    private final URI url;
    private final String source;
    private final HttpPost http;

    public CloudEventsWebhook(URI url, String source, HttpPost http) {
        this.url = url;
        this.source = source;
        this.http = http;
    }

    @Override
    public String id() {
        return "webhook-" + Hashes.shortHash(url.toString());
    }

    @Override
    public String kind() {
        return "webhook";
    }

    @Override
    public DeliveryLog.Entry deliver(Transition t, DeliveryLog.Entry previous) throws DeliveryException {
        http.send(url, CloudEvent.CONTENT_TYPE, CloudEvent.render(t, source).toString(), Map.of());
        return DeliveryLog.Entry.of(t, null, null);
    }
}
