package dev.mamori.engine.risk;

/** The four properties NISC asks to assure together, safety first. */
public enum Property {
    SAFETY("S"),
    CONFIDENTIALITY("C"),
    INTEGRITY("I"),
    AVAILABILITY("A");

    private final String letter;

    Property(String letter) {
        this.letter = letter;
    }

    public String letter() {
        return letter;
    }
}
