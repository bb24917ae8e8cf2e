package org.stroma.export.sdtm;

/**
 * A column of an SDTM dataset: its name and label, its type, its place among the dataset's keys (null when it is not
 * one), where its values come from (Define-XML's def:Origin type: Collected, Derived, Assigned or Protocol), and
 * whether its values are few enough to be listed as a code list in define.xml.
 */
record Variable(String name, String label, VariableType type, Integer keySequence, String origin,
        boolean enumerated) {

    Variable {
        if (!name.matches("[A-Z][A-Z0-9]{0,7}")) {
            throw new IllegalArgumentException("an SDTM variable name is up to 8 upper-case letters and digits: "
                    + name);
        }
        if (label.length() > 40) {
            throw new IllegalArgumentException("the label of " + name + " is longer than 40 characters");
        }
    }

    Variable withKey(Integer sequence) {
        return new Variable(name, label, type, sequence, origin, enumerated);
    }
}
