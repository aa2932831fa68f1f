package dev.mamori.model;

import dev.mamori.model.Scales.Authorization;
import dev.mamori.model.diagnostics.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A directed link from one component to another, possibly across systems.
 *
 * <p>A large landscape holds a million flows or more, so a flow keeps only what it cannot get from
 * elsewhere, in as few fields as it can (docs/performance.md, "Memory per flow"): its system is its
 * {@code from} reference's, where it was written is kept as its parts rather than as a {@link
 * SourceLocation}, an unnamed flow's {@code from->to} label is made by {@link #id()} when asked, and
 * what most flows leave out (agreement, tags, description, topics) is one shared {@link Details}
 * when it is all left out. The constructor that takes each of them keeps the model's other code
 * unaware of that.
 *
 * @param name the qualified id ({@code system.flow}, or the flow's own id at landscape level) when
 *     the user named the flow, else null: {@link #id()} gives its {@code from->to} label, which is
 *     not referable
 * @param from where it starts; its {@code system} is the flow's: the system whose {@code flows}
 *     list holds it, or null at landscape level
 * @param encryption how the traffic is protected in transit (a word of the encryption vocabulary)
 * @param authentication how the receiver knows who sent it (a word of the authentication vocabulary)
 * @param commands whether it can change what the target does, rather than only inform it
 * @param required whether the receiver stops without it even while its other data flows arrive
 * @param network the network-layer components it travels over, in order
 * @param port the TCP or UDP port it goes to: the one the model names, else its protocol's
 *     well-known port, else none
 */
public record Flow(
        String name,
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
        Details details,
        String file,
        int line,
        int column,
        OptionalInt port) {

    /**
     * What a flow may say and most flows do not.
     *
     * @param agreement the agreement that governs it when it joins two systems
     * @param topics for MQTT, the topic filters it carries ({@code +} and {@code #} wildcards): what
     *     its sender publishes when it goes to a broker, what its receiver subscribes to when it comes
     *     from one
     */
    public record Details(Optional<String> agreement, List<String> tags, String description, List<String> topics) {

        /** A flow that says none of them. */
        public static final Details NONE = new Details(Optional.empty(), List.of(), "", List.of());

        public Details {
            tags = List.copyOf(tags);
            topics = List.copyOf(topics);
        }

        /** These details, the shared {@link #NONE} when they say nothing. */
        public static Details of(
                Optional<String> agreement, List<String> tags, String description, List<String> topics) {
            return agreement.isEmpty() && tags.isEmpty() && description.isEmpty() && topics.isEmpty()
                    ? NONE
                    : new Details(agreement, tags, description, topics);
        }
    }

    public Flow {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        SourceLocation.check(line, column);
        data = List.copyOf(data);
        network = List.copyOf(network);
    }

    /**
     * A flow from each of its parts.
     *
     * @param id the flow's id when {@code named}, else its {@code from->to} label or null
     * @param system the system whose {@code flows} list holds it, or null at landscape level: the
     *     system its {@code from} reference was written in
     */
    public Flow(
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
        this(
                named ? Objects.requireNonNull(id) : unnamed(id, from, to),
                sameSystem(system, from),
                to,
                protocol,
                encryption,
                authentication,
                commands,
                authorization,
                data,
                required,
                network,
                Details.of(agreement, tags, description, topics),
                at.file(),
                at.line(),
                at.column(),
                port);
    }

    /** The id the flow was given, or for an unnamed flow its {@code from->to} label. */
    public String id() {
        return name != null ? name : label(from, to);
    }

    /** Whether the user named the flow, so that its id can be referred to. */
    public boolean named() {
        return name != null;
    }

    /** The system whose {@code flows} list holds it, or null at landscape level. */
    public String system() {
        return from.system();
    }

    /** Where the flow was written. */
    public SourceLocation at() {
        return new SourceLocation(file, line, column);
    }

    /** The agreement that governs it when it joins two systems. */
    public Optional<String> agreement() {
        return details.agreement();
    }

    public List<String> tags() {
        return details.tags();
    }

    public String description() {
        return details.description();
    }

    /** For MQTT, the topic filters it carries; see {@link Details}. */
    public List<String> topics() {
        return details.topics();
    }

    /** The label of an unnamed flow between these ends. */
    public static String label(Ref from, Ref to) {
        return from.text() + "->" + to.text();
    }

    /** An unnamed flow keeps no id; one it is given must be its label. */
    private static String unnamed(String id, Ref from, Ref to) {
        if (id != null && !id.equals(label(from, to))) {
            throw new IllegalArgumentException("an unnamed flow's id is its label " + label(from, to) + ", not " + id);
        }
        return null;
    }

    private static Ref sameSystem(String system, Ref from) {
        if (!Objects.equals(system, from.system())) {
            throw new IllegalArgumentException(
                    "a flow of system " + system + " starts at a reference written in " + from.system());
        }
        return from;
    }

    /** The record's text, with the id as {@link #id()} gives it. */
    @Override
    public String toString() {
        return "Flow[id=" + id() + ", from=" + from + ", to=" + to + ", protocol=" + protocol + ", at=" + at() + "]";
    }
}
