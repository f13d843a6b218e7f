package io.charagen.generator.checkpoint;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A reference StyleGAN training snapshot, read as data: its top-level keys, its networks
 * ({@code G_ema}, {@code G}, {@code D}, ...) as records, and each network's plain attributes.
 */
public final class ReferenceSnapshot {

    /** The network to generate with: the exponential moving average of G. */
    public static final String GENERATOR = "G_ema";

    private final String source;
    private final Set<String> keys;
    private final Map<String, NetworkRecord> networks;
    private final Map<String, Map<String, Object>> attributes;

    ReferenceSnapshot(String source, Set<String> keys, Map<String, NetworkRecord> networks,
                      Map<String, Map<String, Object>> attributes) {
        if (!networks.containsKey(GENERATOR)) {
            throw new IllegalArgumentException("a snapshot always has " + GENERATOR);
        }
        this.source = source;
        this.keys = Collections.unmodifiableSet(new LinkedHashSet<>(keys));
        this.networks = Map.copyOf(networks);
        this.attributes = Map.copyOf(attributes);
    }

    /** The file it was read from, for messages. */
    public String source() {
        return source;
    }

    /** The snapshot dict's keys, e.g. G, D, G_ema, augment_pipe, training_set_kwargs. */
    public Set<String> keys() {
        return keys;
    }

    /** The network stored under {@code key}, if that entry is a network. */
    public Optional<NetworkRecord> network(String key) {
        return Optional.ofNullable(networks.get(key));
    }

    /** {@code G_ema}, which every snapshot this reader accepts has. */
    public NetworkRecord generator() {
        return networks.get(GENERATOR);
    }

    /**
     * The plain attributes of the network under {@code key} (for G_ema: z_dim, w_dim,
     * num_ws, ...); values that are not plain data are left out. Empty if there is no such network.
     */
    public Map<String, Object> attributes(String key) {
        return attributes.getOrDefault(key, Map.of());
    }
}
