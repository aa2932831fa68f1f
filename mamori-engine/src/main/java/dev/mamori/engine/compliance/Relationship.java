package dev.mamori.engine.compliance;

/**
 * How one of our requirements relates to an external standard's item, read from ours to theirs (the
 * set-theory relationships of NIST's OLIR): {@code subset} means ours covers part of theirs.
 */
public enum Relationship {
    EQUIVALENT("equivalent"),
    SUBSET("subset"),
    SUPERSET("superset"),
    INTERSECTS("intersects");

    private final String word;

    Relationship(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
