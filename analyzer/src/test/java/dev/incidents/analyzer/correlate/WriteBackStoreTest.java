package dev.incidents.analyzer.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class WriteBackStoreTest {

    /** The in-memory store below, and the calls made to it. */
    private final List<String> calls = new ArrayList<>();
    private KeyValueStore<String, String> below;

    @SuppressWarnings("unchecked")
    private WriteBackStore<String, String> store(int capacity, boolean changelog) {
        below = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("subjects"), Serdes.String(), Serdes.String())
                .withLoggingDisabled().build();
        KeyValueStore<String, String> watched = (KeyValueStore<String, String>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    if (args != null && args.length > 0 && args[0] instanceof String key) {
                        calls.add(method.getName() + " " + key);
                    }
                    try {
                        return method.invoke(below, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        WriteBackStore<String, String> store = new WriteBackStore<>(watched, capacity, changelog);
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }

    @Test
    void without_a_changelog_a_deleted_entry_leaves_the_cache_so_it_takes_no_live_entrys_room() {
        WriteBackStore<String, String> store = store(2, false);
        store.put("a", "1");
        store.put("b", "2");
        store.delete("a");
        store.put("c", "3");

        assertThat(store.get("a")).isNull();
        assertThat(store.get("b")).isEqualTo("2");
        assertThat(store.get("c")).isEqualTo("3");
        assertThat(calls).as("nothing evicted, nothing read below: the store below is new and empty").isEmpty();
    }

    @Test
    void without_a_changelog_a_delete_of_an_entry_written_below_deletes_it_there_at_once() {
        WriteBackStore<String, String> store = store(1, false);
        store.put("a", "1");
        store.put("b", "2"); // evicts a: written below
        assertThat(below.get("a")).isEqualTo("1");

        assertThat(store.delete("a")).isEqualTo("1");
        assertThat(below.get("a")).isNull();
        assertThat(store.get("a")).isNull();
        assertThat(store.get("b")).isEqualTo("2");
        store.flush();
        assertThat(below.get("b")).isEqualTo("2");
        assertThat(below.get("a")).isNull();
    }

    @Test
    void without_a_changelog_a_null_put_is_a_delete_at_once_so_no_older_value_below_shows_through() {
        WriteBackStore<String, String> store = store(1, false);
        store.put("a", "1");
        store.put("b", "2"); // evicts a: written below
        assertThat(below.get("a")).isEqualTo("1");

        store.put("a", null);
        assertThat(store.get("a")).as("not the value below").isNull();
        assertThat(below.get("a")).isNull();
        store.put("b", null);
        assertThat(store.get("b")).isNull();
        store.flush();
        assertThat(below.get("b")).isNull();
    }

    @Test
    void with_a_changelog_a_null_put_is_a_pending_delete_until_the_commit() {
        WriteBackStore<String, String> store = store(10, true);
        store.put("a", "1");
        store.flushCache();

        store.put("a", null);
        assertThat(store.get("a")).isNull();
        assertThat(below.get("a")).isEqualTo("1");
        store.flushCache();
        assertThat(below.get("a")).isNull();
    }

    @Test
    void with_a_changelog_a_delete_waits_for_the_commit_like_every_other_change() {
        WriteBackStore<String, String> store = store(10, true);
        store.put("a", "1");
        store.flushCache();
        assertThat(below.get("a")).isEqualTo("1");

        store.delete("a");
        assertThat(store.get("a")).isNull();
        assertThat(below.get("a")).as("written back with the commit").isEqualTo("1");
        store.flushCache();
        assertThat(below.get("a")).isNull();
        assertThat(store.get("b")).isNull();
        assertThat(calls).as("a store with a changelog was restored: a miss reads it").contains("get b");
    }
}
