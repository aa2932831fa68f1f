package dev.mamori.model;

import dev.mamori.model.diagnostics.SourceLocation;
import java.util.List;

/** What a mission needs to run: an expression over components. */
public sealed interface Needs {

    SourceLocation at();

    /** Every reference in the expression, depth first. */
    default List<Ref> references() {
        List<Ref> out = new java.util.ArrayList<>();
        collect(this, out);
        return out;
    }

    /** The sub-expressions; none for a single component. */
    default List<Needs> parts() {
        return List.of();
    }

    private static void collect(Needs needs, List<Ref> out) {
        if (needs instanceof One one) {
            out.add(one.component());
        }
        needs.parts().forEach(n -> collect(n, out));
    }

    /** A single component. */
    record One(Ref component) implements Needs {
        @Override
        public SourceLocation at() {
            return component.at();
        }
    }

    /** Every one of the parts. */
    record All(List<Needs> of, SourceLocation at) implements Needs {
        public All {
            of = List.copyOf(of);
        }

        @Override
        public List<Needs> parts() {
            return of;
        }
    }

    /** At least one of the parts. */
    record Any(List<Needs> of, SourceLocation at) implements Needs {
        public Any {
            of = List.copyOf(of);
        }

        @Override
        public List<Needs> parts() {
            return of;
        }
    }

    /** At least {@code k} of the parts. */
    record AtLeast(int k, List<Needs> of, SourceLocation at) implements Needs {
        public AtLeast {
            of = List.copyOf(of);
        }

        @Override
        public List<Needs> parts() {
            return of;
        }
    }
}
