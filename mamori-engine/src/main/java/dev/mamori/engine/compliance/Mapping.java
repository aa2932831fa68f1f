package dev.mamori.engine.compliance;

import dev.mamori.model.diagnostics.SourceLocation;

/** One crosswalk entry: our requirement relates to item {@code id} of standard {@code standard}. */
public record Mapping(String standard, String id, Relationship relationship, SourceLocation at) {}
