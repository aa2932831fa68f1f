package dev.mamori.engine.compliance;

import dev.mamori.model.diagnostics.SourceLocation;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A place whose law or labelling scheme decides obligations (eu, uk, us, jp).
 *
 * @param regime the law or scheme that makes requirements statutory or expected there
 * @param appliesFrom when that regime starts to apply, when it has a date
 */
public record Jurisdiction(String id, String name, String regime, Optional<LocalDate> appliesFrom, SourceLocation at) {}
