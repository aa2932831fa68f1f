package dev.mamori.model.syntax;

/**
 * Bounds on what one load may read, so that a hostile or broken file cannot exhaust memory or the
 * stack. The defaults leave room for a national fleet written out element by element.
 *
 * @param maxFileBytes the largest single file
 * @param maxDepth the deepest nesting of mappings and lists; a Mamori model needs about eight
 * @param maxFiles the most files one landscape may import
 */
public record ReadLimits(long maxFileBytes, int maxDepth, int maxFiles) {

    public static final ReadLimits DEFAULT = new ReadLimits(256L * 1024 * 1024, 40, 10_000);
}
