package dev.mamori.model;

import dev.mamori.model.Scales.Authorization;
import dev.mamori.model.diagnostics.SourceLocation;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A directed link from one component to another, possibly across systems.
 *
 * @param id the qualified id ({@code system.flow}, or the flow's own id at landscape level) when
 *     the user named the flow, else a generated {@code from->to} label that is not referable
 * @param system the system whose {@code flows} list holds it, or null at landscape level
 * @param encryption how the traffic is protected in transit (a word of the encryption vocabulary)
 * @param authentication how the receiver knows who sent it (a word of the authentication vocabulary)
 * @param commands whether it can change what the target does, rather than only inform it
 * @param required whether the receiver stops without it even while its other data flows arrive
 * @param network the network-layer components it travels over, in order
 * @param agreement the agreement that governs it when it joins two systems
 * @param port the TCP or UDP port it goes to: the one the model names, else its protocol's
 *     well-known port, else none
 * @param topics for MQTT, the topic filters it carries ({@code +} and {@code #} wildcards): what its
 *     sender publishes when it goes to a broker, what its receiver subscribes to when it comes from one
 */
public record Flow(
        String id,
        boolean named,
        String system,
        Ref from,
        Ref to,
        String protocol,
        String encryption,
        String authentication,
        boolean commands,
        Authorization authorization,
        List<Ref> data,
        boolean required,
        List<Ref> network,
        Optional<String> agreement,
        List<String> tags,
        String description,
        SourceLocation at,
        OptionalInt port,
        List<String> topics) {

    public Flow {
        topics = List.copyOf(topics);
        data = List.copyOf(data);
        network = List.copyOf(network);
        tags = List.copyOf(tags);
    }
}
