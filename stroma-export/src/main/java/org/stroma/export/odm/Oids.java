package org.stroma.export.odm;

import java.util.Locale;

/** ODM object identifiers made from Stroma's names: a prefix, then the name in upper case, other characters as '_'. */
final class Oids {
    private Oids() {
    }

    static String of(String prefix, String name) {
        return prefix + "." + name.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9.\\-]+", "_");
    }

    static String event(String visit) {
        return of("SE", visit);
    }

    static String form(String form) {
        return of("F", form);
    }

    static String group(String form) {
        return of("IG", form);
    }

    static String item(String form, String item) {
        return of("IT", form + "." + item);
    }

    static String codeList(String form, String item) {
        return of("CL", form + "." + item);
    }

    static String user(String username) {
        return of("USR", username);
    }

    static String location(String site) {
        return of("LOC", site);
    }
}
