package dev.mamori.model;

import dev.mamori.model.Scales.Certainty;
import dev.mamori.model.diagnostics.SourceLocation;

/**
 * A fact of the model marked as less than established: a flow, credential relation or account, or a
 * component's exposure and flaws, that the modeller assumes, that a source alleges, or that is known
 * to have happened by a method nobody has described. Every path step that uses it says so, and a
 * path made only of alleged steps is reported as alleged.
 *
 * @param source where the claim comes from, or why it is uncertain
 */
public record Mark(Ref on, Certainty certainty, String source, SourceLocation at) {}
