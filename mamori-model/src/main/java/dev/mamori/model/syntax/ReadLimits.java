package dev.mamori.model.syntax;

/**
 * Bounds on what one load may read, so that a hostile or broken file cannot exhaust memory, time or
 * the stack. The defaults leave room for a national fleet written out element by element.
 *
 * @param maxFileBytes the largest single file; reading stops at this many bytes
 * @param maxDepth the deepest nesting of mappings and lists; a Mamori model needs about eight
 * @param maxFiles the most files one landscape may import
 * @param maxAliasValues the most values YAML aliases may expand to in one file, counting every value
 *     inside each aliased mapping or list: enough for a Threagile model's merge keys, and far too few
 *     for an alias bomb ("billion laughs") to cost anything
 */
public record ReadLimits(long maxFileBytes, int maxDepth, int maxFiles, long maxAliasValues) {

    public static final long DEFAULT_MAX_ALIAS_VALUES = 1_000_000;

    public static final ReadLimits DEFAULT = new ReadLimits(256L * 1024 * 1024, 40, 10_000, DEFAULT_MAX_ALIAS_VALUES);

    public ReadLimits(long maxFileBytes, int maxDepth, int maxFiles) {
        this(maxFileBytes, maxDepth, maxFiles, DEFAULT_MAX_ALIAS_VALUES);
    }
}
