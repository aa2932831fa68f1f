package dev.mamori.model;

import dev.mamori.model.diagnostics.SourceLocation;

/**
 * A software bill of materials a component names: a CycloneDX or SPDX file beside the model. It is
 * read, through the landscape's confined file access, where vulnerabilities are matched.
 *
 * @param path the path as written, relative to the model file at {@code at}
 */
public record SbomFile(String path, SourceLocation at) {}
