package dev.mamori.model.grammar;

/**
 * One key of an object of a language.
 *
 * @param defaultText the default in words, or null when the field is required or simply absent
 */
public record FieldSpec(String key, ValueType type, boolean required, String defaultText, String doc) {}
