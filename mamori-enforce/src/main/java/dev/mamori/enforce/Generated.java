package dev.mamori.enforce;

import dev.mamori.model.diagnostics.Diagnostic;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a target made of a landscape: the files to write, by name, or the problems that stopped it.
 * Files are produced only when there is no problem, so that a half-enforced landscape is never
 * deployed by mistake.
 *
 * @param files the files' names and contents, in name order
 * @param problems what the model lacks for the target, located, in file order
 * @param notes what the files leave out on purpose (flows that are not IP traffic), for the reader
 */
public record Generated(SortedMap<String, String> files, List<Diagnostic> problems, List<String> notes) {

    public Generated {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        problems = problems.stream().sorted(Diagnostic.IN_FILE_ORDER).toList();
        notes = List.copyOf(notes);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
