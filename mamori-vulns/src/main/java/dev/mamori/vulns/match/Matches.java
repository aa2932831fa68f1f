package dev.mamori.vulns.match;

import dev.mamori.vulns.sbom.InstalledPackage;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The matches of one landscape, held as numbers: for each match the component (its place in the
 * inventory), the package (its place in the component's list), the vulnerability (its place in a
 * table of the vulnerabilities matched) and why it is not affected (its place in a table of the
 * reasons given, 0 for none). A {@link Match} is made when one is read.
 *
 * <p>A landscape can have millions of matches: held as objects, they were copied by the collector
 * from young to old regions and their references scanned at every young collection, which cost
 * about as much CPU as the matching itself (docs/performance.md). Four numbers per match in blocks
 * of plain integers leave the collector nothing to trace. Immutable once made.
 */
public final class Matches extends AbstractList<Match> implements RandomAccess {

    // A block holds BLOCK matches of four numbers each: small enough to stay out of G1's
    // humongous objects, large enough that the blocks are few.
    private static final int SHIFT = 12;
    private static final int BLOCK = 1 << SHIFT;
    private static final int FIELDS = 4;

    private final String[] components;
    private final List<List<InstalledPackage>> packages;
    private final Vulnerability[] vulnerabilities;
    private final List<Optional<String>> reasons;
    private final int[][] blocks;
    private final int size;

    private Matches(
            String[] components,
            List<List<InstalledPackage>> packages,
            Vulnerability[] vulnerabilities,
            List<Optional<String>> reasons,
            int[][] blocks,
            int size) {
        this.components = components;
        this.packages = packages;
        this.vulnerabilities = vulnerabilities;
        this.reasons = reasons;
        this.blocks = blocks;
        this.size = size;
    }

    /**
     * {@code matches} unchanged when it is a {@code Matches} (already immutable), else as {@link
     * List#copyOf} copies it: copying would make every match an object again.
     */
    public static List<Match> copyOf(List<Match> matches) {
        return matches instanceof Matches ? matches : List.copyOf(matches);
    }

    @Override
    public Match get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int[] block = blocks[index >>> SHIFT];
        int at = (index & (BLOCK - 1)) * FIELDS;
        int component = block[at];
        return new Match(
                components[component],
                packages.get(component).get(block[at + 1]),
                vulnerabilities[block[at + 2]],
                reasons.get(block[at + 3]));
    }

    @Override
    public int size() {
        return size;
    }

    /** Gathers the numbers of the matches as they are found; {@link #build} makes the list. */
    static final class Builder {
        private final List<String> components = new ArrayList<>();
        private final List<List<InstalledPackage>> packages = new ArrayList<>();
        private final List<Optional<String>> reasons = new ArrayList<>();
        private final java.util.Map<String, Integer> reasonNumbers = new java.util.HashMap<>();
        private int[][] blocks = new int[16][];
        private int size;

        Builder() {
            reasons.add(Optional.empty());
        }

        /** Adds a component with the list of what it runs; returns its number. */
        int component(String id, List<InstalledPackage> runs) {
            components.add(id);
            packages.add(runs);
            return components.size() - 1;
        }

        /** The number of {@code reason}: 0 for none. */
        int reason(Optional<String> reason) {
            if (reason.isEmpty()) {
                return 0;
            }
            return reasonNumbers.computeIfAbsent(reason.get(), r -> {
                reasons.add(Optional.of(r));
                return reasons.size() - 1;
            });
        }

        /** Adds the match of the vulnerability numbered {@code vulnerability} in package {@code pkg} of {@code component}. */
        void add(int component, int pkg, int vulnerability, int reason) {
            int b = size >>> SHIFT;
            if (b == blocks.length) {
                blocks = Arrays.copyOf(blocks, b * 2);
            }
            if (blocks[b] == null) {
                blocks[b] = new int[BLOCK * FIELDS];
            }
            int at = (size & (BLOCK - 1)) * FIELDS;
            int[] block = blocks[b];
            block[at] = component;
            block[at + 1] = pkg;
            block[at + 2] = vulnerability;
            block[at + 3] = reason;
            size++;
        }

        /** The list, with {@code vulnerabilities} the table the vulnerability numbers index. */
        Matches build(List<Vulnerability> vulnerabilities) {
            return new Matches(
                    components.toArray(new String[0]),
                    List.copyOf(packages),
                    vulnerabilities.toArray(new Vulnerability[0]),
                    List.copyOf(reasons),
                    Arrays.copyOf(blocks, (size + BLOCK - 1) >>> SHIFT),
                    size);
        }
    }
}
