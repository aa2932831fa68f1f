package dev.mamori.engine.compliance;

/** How strongly a profile asks for a requirement (NISC 4.1), strongest first. */
public enum Obligation {
    STATUTORY("statutory"),
    ESSENTIAL("essential"),
    ADDITIONAL("additional");

    private final String word;

    Obligation(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
