package org.stroma.protocol;

/** How the children of a criterion combine, as the criterion's own text says. */
public enum Combinator implements Coded {
    ALL("all of the following"),
    ANY("one or more of the following");

    private final String label;

    Combinator(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
