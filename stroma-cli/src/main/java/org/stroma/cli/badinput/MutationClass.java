package org.stroma.cli.badinput;

/**
 * The kinds of damage done to a good input, each a way real files go wrong: a download cut short, a file saved in
 * another encoding, a value left empty or of another type by a hand edit or a buggy exporter, and inputs made to
 * exhaust a reader (deep nesting, huge texts, a flood of brackets or list levels).
 */
public enum MutationClass {
    TRUNCATED("cut short at a random byte"),
    INVALID_UTF8("a byte that is not UTF-8 inserted"),
    BYTE_NOISE("a few bytes deleted, inserted or replaced"),
    SHUFFLED_LINES("lines shuffled, duplicated or dropped"),
    NULL_VALUE("a value (object, list or text) replaced by null or emptied"),
    TYPE_SWAP("a value replaced by one of another type"),
    DELETED_FIELD("a field or element removed"),
    DUPLICATED_KEY("a field or element given twice"),
    DEEP_NESTING("a value wrapped in thousands of levels of lists, objects or elements"),
    HUGE_STRING("a text made millions of characters long"),
    MANY_BRACKETS("tens of thousands of brackets put into a free text"),
    DEEP_LIST("a free text turned into a list nested hundreds of levels deep"),
    HUGE_LIST("a list repeated to tens of thousands of elements");

    private final String description;

    MutationClass(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
