package dev.mamori.model;

import dev.mamori.model.diagnostics.SourceLocation;
import java.util.Optional;

/**
 * A package a component runs, as the model names it, so that vulnerability data can be matched to
 * it. The model checks only the form of the names; the vulnerability module parses them.
 *
 * @param purl its package URL, as written
 * @param cpe its CPE 2.3 name, as written
 * @param version the version written apart from the purl or CPE, if any
 * @param name a readable name, if written
 */
public record Software(
        Optional<String> purl,
        Optional<String> cpe,
        Optional<String> version,
        Optional<String> name,
        SourceLocation at) {}
