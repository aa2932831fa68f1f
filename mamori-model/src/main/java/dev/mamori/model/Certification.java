package dev.mamori.model;

import dev.mamori.model.diagnostics.SourceLocation;
import java.time.LocalDate;
import java.util.Optional;

/** A certification or label a component holds (JC-STAR, IEC 62443-4-2, a Cyber Trust Mark, …). */
public record Certification(
        String scheme,
        Optional<String> level,
        Optional<LocalDate> until,
        Optional<String> evidence,
        SourceLocation at) {}
