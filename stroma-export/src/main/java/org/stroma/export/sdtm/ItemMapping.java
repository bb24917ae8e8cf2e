package org.stroma.export.sdtm;

/**
 * Where one form item goes in SDTM: the findings domain, the test's short name and name, and the qualifiers the
 * domain needs — category, unit (when it differs from the form's), specimen, method, location. An item id ending in
 * "*" maps every item it begins (item_1, item_2, …), and "{n}" in the test code and name stands for the number that
 * follows.
 */
record ItemMapping(String form, String item, String domain, String testCode, String test, String category,
        String unit, String specimen, String method, String location) {

    boolean matches(String formId, String itemId) {
        if (!form.equals(formId)) {
            return false;
        }
        return item.endsWith("*") ? itemId.startsWith(item.substring(0, item.length() - 1)) : item.equals(itemId);
    }

    /** The test code for an item this mapping matches: MLHFQ{n} for item_7 is MLHFQ7. */
    String testCode(String itemId) {
        return fill(testCode, itemId);
    }

    String test(String itemId) {
        return fill(test, itemId);
    }

    private String fill(String pattern, String itemId) {
        if (!item.endsWith("*")) {
            return pattern;
        }
        return pattern.replace("{n}", itemId.substring(item.length() - 1));
    }
}
