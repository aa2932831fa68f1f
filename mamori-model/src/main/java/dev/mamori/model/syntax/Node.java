package dev.mamori.model.syntax;

import dev.mamori.model.diagnostics.SourceLocation;

/**
 * A value of a model file with the place it was written: the common tree of YAML and JSON input,
 * read before any meaning is given to it.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {

    SourceLocation at();

    /** How the node is named in messages: "a mapping", "a list", "the text 'x'". */
    String describe();
}
